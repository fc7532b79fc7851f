using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Audit;

/// <summary>
/// The position of the last sealed audit event (0 before the first): where a new webhook starts reading, and
/// how far the dispatcher may deliver. One query, so both read the chain's head the same way.
/// </summary>
public static class AuditChainHead
{
    public static async Task<long> PositionAsync(IAuthDbContext db, CancellationToken cancellationToken) =>
        await db.AuditEvents.Where(e => e.Position != null).MaxAsync(e => e.Position, cancellationToken) ?? 0;
}
