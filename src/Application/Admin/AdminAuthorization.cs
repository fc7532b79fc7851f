using AuthPlatform.Domain.Access;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Admin;

/// <summary>
/// The one decision whether a user is an administrator: their id is in Auth:Admin:AdminUserIds, or one of
/// their roles is in Auth:Admin:AdminRoles. Read from the row at each request, so a role change counts at once.
/// </summary>
public sealed class AdminAuthorization(IAuthDbContext db, IOptions<AdminOptions> options)
{
    public bool IsAdmin(string userId, string role) =>
        options.Value.UserIds.Contains(userId, StringComparer.Ordinal)
        || RoleNames.Parse(role).Any(r => options.Value.Roles.Contains(r, StringComparer.Ordinal));

    /// <summary>Null when the user may do <paramref name="permission"/>; otherwise the route's 403.</summary>
    public async Task<Error?> RefusalAsync(string userId, AdminAction permission, CancellationToken cancellationToken)
    {
        var role = await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Role).FirstOrDefaultAsync(cancellationToken);
        return role is not null && IsAdmin(userId, role) ? null : RefusalOf(permission);
    }

    public static Error RefusalOf(AdminAction permission) => permission switch
    {
        AdminAction.ListUsers => Errors.Admin.NotAllowedToListUsers,
        AdminAction.ChangeRole => Errors.Admin.NotAllowedToChangeRole,
        AdminAction.BanUsers => Errors.Admin.NotAllowedToBanUsers,
        AdminAction.ListSessions => Errors.Admin.NotAllowedToListSessions,
        AdminAction.RevokeSessions => Errors.Admin.NotAllowedToRevokeSessions,
        AdminAction.DeleteUsers => Errors.Admin.NotAllowedToDeleteUsers,
        AdminAction.Impersonate => Errors.Admin.NotAllowedToImpersonate,
        AdminAction.ReadAuditTrail => Errors.Admin.NotAllowedToReadAuditTrail,
        _ => throw new ArgumentOutOfRangeException(nameof(permission)),
    };
}
