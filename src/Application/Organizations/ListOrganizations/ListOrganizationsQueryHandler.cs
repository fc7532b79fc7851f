using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListOrganizations;

internal sealed class ListOrganizationsQueryHandler(IAuthDbContext db) : IQueryHandler<ListOrganizationsQuery, Result<IReadOnlyList<OrganizationDto>>>
{
    public async ValueTask<Result<IReadOnlyList<OrganizationDto>>> Handle(ListOrganizationsQuery query, CancellationToken cancellationToken)
    {
        var organizations = await (
            from m in db.Members.AsNoTracking()
            where m.UserId == query.UserId
            join o in db.Organizations.AsNoTracking() on m.OrganizationId equals o.Id
            orderby o.CreatedAt
            select o).ToListAsync(cancellationToken);
        return organizations.Select(OrganizationDto.Of).ToList();
    }
}
