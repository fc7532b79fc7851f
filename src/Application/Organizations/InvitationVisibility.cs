using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Which of an organization's invitations a member sees (BetterAuth): only members who may invite see any, and
/// invitations that grant the owners' role only their holders.
/// </summary>
internal static class InvitationVisibility
{
    public static readonly IReadOnlyDictionary<string, string[]> MayInvite = OrganizationGate.Needs("invitation", "create");

    public static IReadOnlyList<InvitationDto> Visible(OrganizationRoster roster, OrganizationRoles roles, OrganizationAccess access)
    {
        var viewer = access.Member;
        if (!access.Roles.Authorizes(viewer.Role, MayInvite))
        {
            return [];
        }

        var isOwner = viewer.Holds(roles.CreatorRole);
        return roster.Invitations
            .Where(i => isOwner || !RoleNames.Parse(i.Role).Contains(roles.CreatorRole, StringComparer.Ordinal))
            .Select(InvitationDto.Of)
            .ToList();
    }
}
