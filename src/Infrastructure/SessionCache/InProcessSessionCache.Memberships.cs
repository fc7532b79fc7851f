using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Organizations;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Organization memberships, under the same lock, sequence and trust as the sessions: a user's change ("u:", which the
/// members trigger sends) drops their memberships with their sessions; an organization's change ("o:", sent by the
/// organizations and organization_roles triggers) drops every membership of that organization.
/// </summary>
public sealed partial class InProcessSessionCache : IMembershipCache
{
    private readonly ConcurrentDictionary<(string OrganizationId, string UserId), MembershipEntry> _memberships = new();
    private readonly Dictionary<string, HashSet<string>> _organizationsByUser = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _usersByOrganization = new(StringComparer.Ordinal);
    private readonly long[] _organizationChangedAt = new long[Stripes];

    public int MembershipCount => _memberships.Count;

    public bool TryGet(string organizationId, string userId, out CachedMembership? entry)
    {
        if (_memberships.TryGetValue((organizationId, userId), out var found) && Environment.TickCount64 - found.StoredAt <= _maxAgeMs)
        {
            entry = found.Value;
            return true;
        }

        entry = null;
        return false;
    }

    public void Store(CachedMembership entry, SessionCacheTicket ticket)
    {
        var organizationId = entry.Organization.Id;
        var userId = entry.Member.UserId;
        lock (_gate)
        {
            if (!_trusted || _resetAt > ticket.Sequence || _userChangedAt[Stripe(userId)] > ticket.Sequence
                || _organizationChangedAt[Stripe(organizationId)] > ticket.Sequence)
            {
                return;
            }

            if (_memberships.Count >= _maxEntries)
            {
                ClearMembershipsLocked(); // rare and cheap to refill: one read per member and organization
            }

            Index(_organizationsByUser, userId, organizationId);
            Index(_usersByOrganization, organizationId, userId);
            _memberships[(organizationId, userId)] = new MembershipEntry(entry, Environment.TickCount64);
        }
    }

    /// <summary>An organization row or one of its roles changed or was deleted (notification "o:organization").</summary>
    public void OrganizationChanged(string organizationId)
    {
        lock (_gate)
        {
            _organizationChangedAt[Stripe(organizationId)] = Advance();
            if (_usersByOrganization.Remove(organizationId, out var users))
            {
                foreach (var userId in users)
                {
                    _memberships.TryRemove((organizationId, userId), out _);
                    Unindex(_organizationsByUser, userId, organizationId);
                }
            }
        }
    }

    private void RemoveMembershipsOfUserLocked(string userId)
    {
        if (_organizationsByUser.Remove(userId, out var organizations))
        {
            foreach (var organizationId in organizations)
            {
                _memberships.TryRemove((organizationId, userId), out _);
                Unindex(_usersByOrganization, organizationId, userId);
            }
        }
    }

    private void ClearMembershipsLocked()
    {
        _memberships.Clear();
        _organizationsByUser.Clear();
        _usersByOrganization.Clear();
    }

    private static void Index(Dictionary<string, HashSet<string>> index, string key, string value)
    {
        if (!index.TryGetValue(key, out var values))
        {
            index[key] = values = new HashSet<string>(StringComparer.Ordinal);
        }

        values.Add(value);
    }

    private static void Unindex(Dictionary<string, HashSet<string>> index, string key, string value)
    {
        if (index.TryGetValue(key, out var values) && values.Remove(value) && values.Count == 0)
        {
            index.Remove(key);
        }
    }

    private readonly record struct MembershipEntry(CachedMembership Value, long StoredAt);
}
