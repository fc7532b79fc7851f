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
/// members (added, changed or removed: the answer carries the member's roles, and the organization's roster lists
/// them), invitations (the roster lists them), organizations and their roles
/// (changed: the cached memberships and roster of that organization go), API keys (changed or deleted), and organizations and teams (deleted: the
/// database clears them from sessions and members by foreign key, rows this context never tracked, so the
/// whole local cache goes; such deletions are rare).
/// </summary>
public sealed class LocalSessionInvalidation(InProcessSessionCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string?>> _pending = [];

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

        // A tag per row whose cached entries the save makes stale (CacheTags); null: the whole local cache.
        var tags = new List<string?>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var changedOrDeleted = entry.State is EntityState.Modified or EntityState.Deleted;
            var changedOrAdded = changedOrDeleted || entry.State == EntityState.Added;
            switch (entry.Entity)
            {
                case Session session when changedOrDeleted:
                    tags.Add(CacheTags.Session(session.Id));
                    break;
                case User user when changedOrDeleted:
                    tags.Add(CacheTags.User(user.Id));
                    break;
                case Member member when changedOrAdded:
                    tags.Add(CacheTags.User(member.UserId));
                    tags.Add(CacheTags.Organization(member.OrganizationId));
                    break;
                case Invitation invitation when changedOrAdded:
                    tags.Add(CacheTags.Organization(invitation.OrganizationId));
                    break;
                case Organization or Team when entry.State == EntityState.Deleted:
                    tags.Add(null);
                    break;
                case Organization organization when entry.State == EntityState.Modified:
                    tags.Add(CacheTags.Organization(organization.Id));
                    break;
                case OrganizationRole role when changedOrAdded:
                    tags.Add(CacheTags.Organization(role.OrganizationId));
                    break;
                case ApiKey key when changedOrDeleted:
                    tags.Add(CacheTags.ApiKey(key.Id));
                    break;
            }
        }

        _pending.AddOrUpdate(context, tags);
    }

    private void Apply(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var tags))
        {
            return;
        }

        _pending.Remove(context);
        foreach (var tag in tags)
        {
            if (tag is null)
            {
                cache.Clear();
            }
            else
            {
                cache.Invalidate(tag);
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
}
