using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.GetActiveMemberRole;

internal sealed class GetActiveMemberRoleQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<GetActiveMemberRoleQuery, Result<MemberRole>>
{
    public async ValueTask<Result<MemberRole>> Handle(GetActiveMemberRoleQuery query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(query.UserId) || query.UserId == query.Actor.UserId)
        {
            return new MemberRole(access.Member.Role);
        }

        var role = await db.Members.AsNoTracking()
            .Where(m => m.OrganizationId == access.Required.Id && m.UserId == query.UserId)
            .Select(m => m.Role)
            .FirstOrDefaultAsync(cancellationToken);
        return role is null ? Errors.Organizations.NotAMember : new MemberRole(role);
    }
}
