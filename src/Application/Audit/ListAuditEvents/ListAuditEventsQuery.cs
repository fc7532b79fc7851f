using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Audit.ListAuditEvents;

/// <summary>
/// A page of the audit trail, newest first: a user's own activity (GET /list-activity, <see cref="SubjectUserId"/> is
/// the caller), the administrators' view with filters (GET /admin/list-audit-events), and the operator's export
/// (`export-audit`, oldest first from <see cref="After"/>) all read through this one query.
/// </summary>
public sealed record ListAuditEventsQuery(
    string? SubjectUserId,
    string? Type,
    DateTimeOffset? From,
    DateTimeOffset? To,
    int? Limit,
    int? Offset,
    long? After = null) : IQuery<Result<AuditEventPage>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;
}

/// <summary>The page and the count of every event that matches.</summary>
public sealed record AuditEventPage(IReadOnlyList<AuditEventDto> Events, int Total, int Limit, int Offset);
