using System.Runtime.CompilerServices;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Counts sessions created and ended (by revocation reason) where every such change passes: the save
/// that writes it. Counted only once the save succeeded, so a retried or failed write counts nothing
/// twice. Sessions that simply expire are not written; they show up as rejections with reason "expired".
/// </summary>
internal sealed class SessionMetricsInterceptor : SaveChangesInterceptor
{
    public static readonly SessionMetricsInterceptor Instance = new();

    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Capture(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Capture(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Record(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Capture(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        var created = 0;
        List<SessionRevocationReason>? ended = null;
        foreach (var entry in context.ChangeTracker.Entries<Session>())
        {
            if (entry.State == EntityState.Added)
            {
                created++;
            }
            else if (entry.State == EntityState.Modified
                && entry.Entity.RevocationReason is { } reason
                && entry.Property(s => s.RevokedAt) is { IsModified: true, OriginalValue: null })
            {
                (ended ??= []).Add(reason);
            }
        }

        _pending.AddOrUpdate(context, new Pending(created, ended));
    }

    private void Record(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var pending))
        {
            return;
        }

        _pending.Remove(context);
        for (var i = 0; i < pending.Created; i++)
        {
            AuthMetrics.SessionCreated();
        }

        foreach (var reason in pending.Ended ?? [])
        {
            AuthMetrics.SessionEnded(ReasonCode(reason));
        }
    }

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }

    private static string ReasonCode(SessionRevocationReason reason) => reason switch
    {
        SessionRevocationReason.SignedOut => "signed_out",
        SessionRevocationReason.RevokedByUser => "revoked_by_user",
        SessionRevocationReason.PasswordChanged => "password_changed",
        SessionRevocationReason.UserDisabled => "user_disabled",
        SessionRevocationReason.RevokedByOperator => "revoked_by_operator",
        SessionRevocationReason.AddressProven => "address_proven",
        _ => "other",
    };

    private sealed record Pending(int Created, List<SessionRevocationReason>? Ended);
}
