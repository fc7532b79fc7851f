using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>Members with their users, always within one organization.</summary>
internal static class MemberQueries
{
    public static IQueryable<MemberWithUserDto> WithUsers(IAuthDbContext db, string organizationId) =>
        from m in db.Members.AsNoTracking()
        where m.OrganizationId == organizationId
        join u in db.Users.AsNoTracking() on m.UserId equals u.Id
        select new MemberWithUserDto(m.Id, m.OrganizationId, m.UserId, m.Role, m.CreatedAt, new MemberUserDto(u.Id, u.Name, u.Email, u.Image));

    public static Task<MemberWithUserDto?> OneAsync(IAuthDbContext db, string organizationId, string memberId, CancellationToken cancellationToken) =>
        WithUsers(db, organizationId).FirstOrDefaultAsync(m => m.Id == memberId, cancellationToken);
}
