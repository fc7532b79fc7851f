using AuthPlatform.Domain.Audit;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// Writes an audit event in a transaction of its own: a refused attempt has no change to commit with, and the
/// request's own unit of work may hold changes that a refusal must not save.
/// </summary>
public interface IAuditFailureWriter
{
    Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken);
}
