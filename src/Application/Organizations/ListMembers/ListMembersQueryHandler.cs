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
            "role" => descending ? members.OrderByDescending(r => r.Member.Role) : members.OrderBy(r => r.Member.Role),
            "userId" => descending ? members.OrderByDescending(r => r.Member.UserId) : members.OrderBy(r => r.Member.UserId),
            "id" => descending ? members.OrderByDescending(r => r.Member.Id) : members.OrderBy(r => r.Member.Id),
            _ => descending ? members.OrderByDescending(r => r.Member.CreatedAt) : members.OrderBy(r => r.Member.CreatedAt),
        };
        var page = await members.Skip(query.Offset ?? 0).Take(Math.Min(query.Limit ?? options.Value.MembershipLimit, options.Value.MembershipLimit)).ToDtosAsync(cancellationToken);
        return new MemberPage(page, total);
    }
}
