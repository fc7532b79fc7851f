using AuthPlatform.Application.Common.Interfaces;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.ListOrganizations;

internal sealed class ListOrganizationsForOperatorQueryHandler(IAuthDbContext db)
    : IQueryHandler<ListOrganizationsForOperatorQuery, IReadOnlyList<OrganizationSummary>>
{
    public async ValueTask<IReadOnlyList<OrganizationSummary>> Handle(ListOrganizationsForOperatorQuery query, CancellationToken cancellationToken) =>
        await db.Organizations.AsNoTracking()
            .OrderBy(o => o.CreatedAt).ThenBy(o => o.Slug)
            .Select(o => new OrganizationSummary(o.Id, o.Slug, o.Name, db.Members.Count(m => m.OrganizationId == o.Id)))
            .ToListAsync(cancellationToken);
}
