using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Admin;

/// <summary>
/// The one answer to "may this user do that?" on the admin API, as BetterAuth's admin plugin decides it: a user
/// whose id is in Auth:Admin:AdminUserIds may do everything; anyone else may do what one of their roles' statements
/// grants (<see cref="PermissionStatements"/>). A role named in Auth:Admin:AdminRoles holds the <c>admin</c> role's
/// statements, a role of Auth:Admin:CustomRoles its configured ones, any other role nothing. The role is read from
/// the row at each request, so a role change counts at once.
/// </summary>
public sealed class AdminAuthorization(IAuthDbContext db, IOptions<AdminOptions> options)
{
    /// <summary>BetterAuth's role for a user without one.</summary>
    public const string DefaultRole = "user";

    public bool Allows(string userId, string? role, IReadOnlyDictionary<string, string[]> request) =>
        options.Value.UserIds.Contains(userId, StringComparer.Ordinal)
        || PermissionStatements.AnyAuthorizes(RoleNames.Parse(string.IsNullOrWhiteSpace(role) ? DefaultRole : role).Select(StatementsOf), request);

    public bool Allows(string userId, string? role, AdminAction action) => Allows(userId, role, AdminStatements.RequestFor(action));

    /// <summary>
    /// Whether a user counts as an administrator when someone asks to impersonate them (BetterAuth's adminRoles and
    /// adminUserIds; only impersonation asks this).
    /// </summary>
    public bool IsAdministrator(string userId, string? role) =>
        options.Value.UserIds.Contains(userId, StringComparer.Ordinal)
        || RoleNames.Parse(role).Any(r => options.Value.Roles.Contains(r, StringComparer.Ordinal));

    /// <summary>What one role may do.</summary>
    public PermissionStatements StatementsOf(string roleName)
    {
        var statements = options.Value.Roles.Contains(roleName, StringComparer.Ordinal) ? AdminStatements.AdminRole : PermissionStatements.None;
        return options.Value.CustomRoleStatements.TryGetValue(roleName, out var custom) ? statements.Union(PermissionStatements.From(custom)) : statements;
    }

    /// <summary>
    /// A role name a user may be given: any, as in BetterAuth, unless Auth:Admin:CustomRoles is configured; then only
    /// the default role, the administrator roles and the custom ones (YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE).
    /// </summary>
    public bool IsKnownRole(string roleName) =>
        options.Value.CustomRoles.Count == 0
        || roleName == DefaultRole
        || options.Value.Roles.Contains(roleName, StringComparer.Ordinal)
        || options.Value.CustomRoles.ContainsKey(roleName);

    /// <summary>Null when <paramref name="actorId"/> may give a user <paramref name="roles"/> (create-user, update-user).</summary>
    public async Task<Error?> RoleChangeRefusalAsync(string actorId, IEnumerable<string> roles, CancellationToken cancellationToken) =>
        !Allows(actorId, await RoleOfAsync(actorId, cancellationToken), AdminAction.ChangeRole) ? AdminStatements.RefusalOf(AdminAction.ChangeRole)
        : roles.All(IsKnownRole) ? null
        : Errors.Admin.NonExistentRole;

    /// <summary>Null when the user may do <paramref name="action"/>; otherwise the route's 403.</summary>
    public async Task<Error?> RefusalAsync(string userId, AdminAction action, CancellationToken cancellationToken)
    {
        var role = await RoleOfAsync(userId, cancellationToken);
        return role is not null && Allows(userId, role, action) ? null : AdminStatements.RefusalOf(action);
    }

    /// <summary>The user's stored role, or null when the user is gone.</summary>
    public Task<string?> RoleOfAsync(string userId, CancellationToken cancellationToken) =>
        db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.Role).FirstOrDefaultAsync(cancellationToken);
}
