using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Infrastructure.Persistence.Audit;

/// <summary>A refused attempt's audit event, saved through a context of its own so the request's pending changes stay unsaved.</summary>
internal sealed class AuditFailureWriter(IDbContextFactory<AuthDbContext> contexts) : IAuditFailureWriter
{
    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditEvents.Add(auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }
}
