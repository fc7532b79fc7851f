using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Audit;

namespace AuthPlatform.Application.Audit;

/// <summary>
/// The one way code records a security event (docs/adr/0139-audit-trail.md). <see cref="Record"/> adds the event to
/// the request's unit of work, so it commits in the same transaction as the change it describes, or not at all;
/// <see cref="RecordFailureAsync"/> writes a refused attempt on its own. Who acted and from where come from
/// <see cref="IAuditOrigin"/>, so no caller passes them.
/// </summary>
public sealed class AuditTrail(IAuthDbContext db, IAuditFailureWriter failures, IAuditOrigin origin, TimeProvider clock)
{
    /// <summary>A change about <paramref name="subjectUserId"/>, saved with the caller's next SaveChanges.</summary>
    public void Record(string type, string? subjectUserId, string? reason = null, string? organizationId = null, string? actorId = null) =>
        db.AuditEvents.Add(Event(type, AuditOutcome.Success, reason, subjectUserId, organizationId, actorId));

    /// <summary>A refused attempt (its error code as the reason), written now in a transaction of its own.</summary>
    public Task RecordFailureAsync(string type, string reason, string? subjectUserId, CancellationToken cancellationToken) =>
        failures.WriteAsync(Event(type, AuditOutcome.Failure, reason, subjectUserId, organizationId: null, actorId: null), cancellationToken);

    private AuditEvent Event(string type, AuditOutcome outcome, string? reason, string? subjectUserId, string? organizationId, string? actorId) =>
        AuditEvent.Record(type, outcome, reason, actorId ?? origin.ActorId ?? subjectUserId, subjectUserId, organizationId,
            origin.IpAddress, origin.UserAgent, clock.GetUtcNow());
}
