using AuthPlatform.Domain.Audit;

namespace AuthPlatform.Application.Audit;

/// <summary>An audit event as every reader shows it (camelCase in JSON). <see cref="Position"/> is null until sealed.</summary>
public sealed record AuditEventDto(
    long Id,
    DateTimeOffset CreatedAt,
    string Type,
    string Outcome,
    string? Reason,
    string? ActorId,
    string? UserId,
    string? OrganizationId,
    string? IpAddress,
    string? UserAgent,
    long? Position)
{
    public static AuditEventDto From(AuditEvent e) =>
        new(e.Id, e.OccurredAt, e.Type, e.Outcome == AuditOutcome.Success ? "success" : "failure", e.Reason, e.ActorId, e.SubjectUserId,
            e.OrganizationId, e.IpAddress, e.UserAgent, e.Position);
}
