using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.ListMembers;

internal sealed class ListMembersQueryHandler(IAuthDbContext db, OrganizationAccess access, IOptions<OrganizationOptions> options)
    : IQueryHandler<ListMembersQuery, Result<MemberPage>>
{
    public async ValueTask<Result<MemberPage>> Handle(ListMembersQuery query, CancellationToken cancellationToken)
    {
        var members = MemberQueries.WithUsers(db, access.Required.Id);
        var total = await members.CountAsync(cancellationToken);
        var descending = query.SortDirection == "desc";
        members = query.SortBy switch
        {
            "role" => descending ? members.OrderByDescending(m => m.Role) : members.OrderBy(m => m.Role),
            "userId" => descending ? members.OrderByDescending(m => m.UserId) : members.OrderBy(m => m.UserId),
            "id" => descending ? members.OrderByDescending(m => m.Id) : members.OrderBy(m => m.Id),
            _ => descending ? members.OrderByDescending(m => m.CreatedAt) : members.OrderBy(m => m.CreatedAt),
        };
        var page = await members.Skip(query.Offset ?? 0).Take(Math.Min(query.Limit ?? options.Value.MembershipLimit, options.Value.MembershipLimit)).ToListAsync(cancellationToken);
        return new MemberPage(page, total);
    }
}
