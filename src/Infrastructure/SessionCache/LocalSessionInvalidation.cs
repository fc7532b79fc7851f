using System.Runtime.CompilerServices;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Read-your-writes on the writing instance: once a save that changed what a cached session answer holds
/// has committed, the entries it touched leave this instance's cache before the request answers, instead
/// of when the trigger's notification comes back a moment later. Other instances still learn from the
/// notification; this only closes the writer's own window (a sign-out, or a role change, followed at once
/// by a get-session or /token on the same instance sees the change).
/// Every table whose trigger notifies the cache has its case here: sessions and users (changed or deleted),
/// members (added, changed or removed: the answer carries the member's roles), organizations and their roles
/// (changed: the cached memberships of that organization go), API keys (changed or deleted), and organizations and teams (deleted: the
/// database clears them from sessions and members by foreign key, rows this context never tracked, so the
/// whole local cache goes; such deletions are rare).
/// </summary>
public sealed class LocalSessionInvalidation(InProcessSessionCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<Change>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apply(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apply(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Collect(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var changes = new List<Change>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var changedOrDeleted = entry.State is EntityState.Modified or EntityState.Deleted;
            switch (entry.Entity)
            {
                case Session session when changedOrDeleted:
                    changes.Add(new Change(session.Id, session.UserId));
                    break;
                case User user when changedOrDeleted:
                    changes.Add(new Change(null, user.Id));
                    break;
                case Member member when changedOrDeleted || entry.State == EntityState.Added:
                    changes.Add(new Change(null, member.UserId));
                    break;
                case Organization or Team when entry.State == EntityState.Deleted:
                    changes.Add(Change.Everything);
                    break;
                case Organization organization when entry.State == EntityState.Modified:
                    changes.Add(Change.OfOrganization(organization.Id));
                    break;
                case OrganizationRole role when changedOrDeleted || entry.State == EntityState.Added:
                    changes.Add(Change.OfOrganization(role.OrganizationId));
                    break;
                case ApiKey key when changedOrDeleted:
                    changes.Add(Change.OfApiKey(key.Id));
                    break;
            }
        }

        _pending.AddOrUpdate(context, changes);
    }

    private void Apply(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var changes))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var (sessionId, userId, organizationId, apiKeyId) in changes)
        {
            if (apiKeyId is not null)
            {
                cache.ApiKeyChanged(apiKeyId);
            }
            else if (organizationId is not null)
            {
                cache.OrganizationChanged(organizationId);
            }
            else if (userId is null)
            {
                cache.Clear();
            }
            else if (sessionId is null)
            {
                cache.UserChanged(userId);
            }
            else
            {
                cache.SessionChanged(sessionId, userId);
            }
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    /// <summary>
    /// One session, every session (membership, API key) of a user (no session id), the memberships of an organization,
    /// one API key, or the whole cache (none).
    /// </summary>
    private readonly record struct Change(string? SessionId, string? UserId, string? OrganizationId = null, string? ApiKeyId = null)
    {
        public static Change Everything => new(null, null);

        public static Change OfOrganization(string organizationId) => new(null, null, organizationId);

        public static Change OfApiKey(string keyId) => new(null, null, null, keyId);
    }
}
