using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Organizations' rosters held in memory, so that get-full-organization and list-invitations answer without a database
/// round trip. Kept coherent like the memberships beside them (<see cref="IMembershipCache"/>, docs/adr/0133): a change
/// of a member, an invitation, the organization or one of its roles ("o:") drops the organization's roster everywhere,
/// and so does a change of any member's user ("u:": a new name or address).
/// </summary>
public interface IOrganizationRosterCache
{
    /// <summary>Starts a lookup, as <see cref="ISessionCache.BeginRead"/>: null means read the database and do not store.</summary>
    SessionCacheTicket? BeginRead();

    bool TryGet(string organizationId, out OrganizationRoster? roster);

    /// <summary>Stores a roster read after <paramref name="ticket"/> was taken; dropped if the organization or a member's user changed since.</summary>
    void Store(OrganizationRoster roster, SessionCacheTicket ticket);
}

/// <summary>
/// An organization's members with their users (oldest first, up to the membership limit) and all its invitations
/// (oldest first). Shared by concurrent requests: read only, and handed to queries only.
/// </summary>
public sealed record OrganizationRoster(string OrganizationId, IReadOnlyList<MemberWithUserDto> Members, IReadOnlyList<Invitation> Invitations);
