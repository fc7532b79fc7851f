using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Which of an organization's invitations a member sees (BetterAuth): only members who may invite see any, and
/// invitations that grant the owners' role only their holders.
/// </summary>
internal static class InvitationVisibility
{
    public static readonly IReadOnlyDictionary<string, string[]> MayInvite = OrganizationGate.Needs("invitation", "create");

    public static async Task<IReadOnlyList<InvitationDto>> VisibleAsync(IAuthDbContext db, OrganizationRoles roles, OrganizationAccess access, CancellationToken cancellationToken)
    {
        var viewer = access.Member;
        if (!access.Roles.Authorizes(viewer.Role, MayInvite))
        {
            return [];
        }

        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == viewer.OrganizationId)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        var isOwner = viewer.Holds(roles.CreatorRole);
        return invitations
            .Where(i => isOwner || !RoleNames.Parse(i.Role).Contains(roles.CreatorRole, StringComparer.Ordinal))
            .Select(InvitationDto.Of)
            .ToList();
    }
}
