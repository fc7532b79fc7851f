using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>An organization's own role by name (first, as BetterAuth) or id, always within the organization.</summary>
internal static class OrganizationRoleLookup
{
    public static Task<OrganizationRole?> FindAsync(IAuthDbContext db, string organizationId, string? roleName, string? roleId, bool tracked, CancellationToken cancellationToken)
    {
        var roles = tracked ? db.OrganizationRoles : db.OrganizationRoles.AsNoTracking();
        var inOrganization = roles.Where(r => r.OrganizationId == organizationId);
        if (!string.IsNullOrEmpty(roleName))
        {
            var name = roleName.ToLowerInvariant();
            return inOrganization.FirstOrDefaultAsync(r => r.Role == name, cancellationToken);
        }

        return string.IsNullOrEmpty(roleId)
            ? Task.FromResult<OrganizationRole?>(null)
            : inOrganization.FirstOrDefaultAsync(r => r.Id == roleId, cancellationToken);
    }
}
