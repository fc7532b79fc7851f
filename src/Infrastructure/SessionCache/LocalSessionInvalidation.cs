using System.Runtime.CompilerServices;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Read-your-writes on the writing instance: once a save that changed or deleted sessions or users has
/// committed, their entries leave this instance's cache before the request answers, instead of when the
/// trigger's notification comes back a moment later. Other instances still learn from the notification;
/// this only closes the writer's own window (a sign-out followed at once by a get-session on the same
/// instance is refused).
/// </summary>
public sealed class LocalSessionInvalidation(InProcessSessionCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<(string? SessionId, string UserId)>> _pending = [];

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

        var changes = new List<(string?, string)>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (entry.Entity)
            {
                case Session session:
                    changes.Add((session.Id, session.UserId));
                    break;
                case User user:
                    changes.Add((null, user.Id));
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
        foreach (var (sessionId, userId) in changes)
        {
            if (sessionId is null)
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
}
