using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Memberships held in memory so that read-only organization requests (has-permission, get-active-member, ...)
/// pass the gate without a database round trip. It lives beside the session cache and is kept coherent by the same
/// listener and notifications (<see cref="ISessionCache"/>, docs/adr/0095 and 0133): a change of a member row drops
/// that user's memberships everywhere, a change of an organization or of its roles drops that organization's.
/// <see cref="BeginRead"/> is null while the cache cannot vouch for that: then the gate reads the database.
/// </summary>
public interface IMembershipCache
{
    /// <summary>Starts a lookup, as <see cref="ISessionCache.BeginRead"/>: null means read the database and do not store.</summary>
    SessionCacheTicket? BeginRead();

    bool TryGet(string organizationId, string userId, out CachedMembership? entry);

    /// <summary>Stores a membership read after <paramref name="ticket"/> was taken; dropped if its user or organization changed since.</summary>
    void Store(CachedMembership entry, SessionCacheTicket ticket);
}

/// <summary>
/// A membership as the gate read it: the organization, the member and the roles in force there. Shared by concurrent
/// requests, so only read-only requests (queries) are handed these instances; commands read tracked rows.
/// </summary>
public sealed record CachedMembership(Organization Organization, Member Member, OrganizationRoleSet Roles);
