using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// BetterAuth's rules for an organization's own role: a name no configured role has, statements over known
/// resources only, and none the author does not hold themselves (so no member can grant more than they have).
/// </summary>
internal static class OrganizationRoleRules
{
    /// <summary>The refusal of <paramref name="permission"/> by an author with <paramref name="authorRoles"/>, or null.</summary>
    public static Error? PermissionRefusal(OrganizationRoles roles, OrganizationRoleSet inForce, string authorRoles, IReadOnlyDictionary<string, string[]> permission, Error notAllowed)
    {
        if (permission.Keys.Any(r => !roles.Resources.Contains(r)))
        {
            return Errors.Organizations.InvalidResource;
        }

        var missing = inForce.Missing(authorRoles, permission);
        return missing.Count > 0 ? notAllowed.WithMessage($"{notAllowed.Message} (missing: {string.Join(", ", missing)})") : null;
    }

    /// <summary>The statements as stored: sorted, each action once.</summary>
    public static string Serialize(IReadOnlyDictionary<string, string[]> permission) =>
        JsonSerializer.Serialize(PermissionStatements.From(permission).ToDictionary());

    /// <summary>
    /// Why the role may be neither deleted nor renamed, or null: a member holds it, or an open invitation names it
    /// (accepting would hand the invited a role that no longer grants anything, or a later role of the old name).
    /// Read under the organization's row lock, which role changes, member changes and invitations share.
    /// </summary>
    public static async Task<Error?> InUseAsync(IAuthDbContext db, string organizationId, string role, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var held = await db.Members.Where(m => m.OrganizationId == organizationId).Select(m => m.Role).ToListAsync(cancellationToken);
        if (Names(held, role))
        {
            return Errors.Organizations.RoleIsAssigned;
        }

        var invited = await db.Invitations
            .Where(i => i.OrganizationId == organizationId && i.Status == InvitationStatus.Pending && i.ExpiresAt > now)
            .Select(i => i.Role)
            .ToListAsync(cancellationToken);
        return Names(invited, role) ? Errors.Organizations.RoleIsInvited : null;
    }

    private static bool Names(IEnumerable<string> roleLists, string role) =>
        roleLists.Any(r => RoleNames.Parse(r).Contains(role, StringComparer.Ordinal));
}

/// <summary>An organization's own role as BetterAuth answers it: the statements parsed.</summary>
public sealed record OrganizationRoleDto(string Id, string OrganizationId, string Role, IReadOnlyDictionary<string, string[]> Permission, DateTimeOffset CreatedAt, DateTimeOffset? UpdatedAt)
{
    public static OrganizationRoleDto Of(OrganizationRole r) =>
        new(r.Id, r.OrganizationId, r.Role, OrganizationRoles.ParsePermission(r.Permission), r.CreatedAt, r.UpdatedAt);
}
