using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Reads the roles in force in one organization for the gate: the configured roles, plus the organization's own when
/// dynamic access control is on (one indexed query; none when it is off).
/// </summary>
public sealed class OrganizationRoleBook(IAuthDbContext db, OrganizationRoles roles, IOptions<OrganizationOptions> options)
{
    public async Task<OrganizationRoleSet> InAsync(string organizationId, CancellationToken cancellationToken) =>
        !options.Value.DynamicAccessControl.Enabled
            ? roles.Configured
            : roles.With(await db.OrganizationRoles.AsNoTracking().Where(r => r.OrganizationId == organizationId).ToListAsync(cancellationToken));
}
