using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Mail;

/// <summary>Looking up a mailed token by its digest, and using it exactly once.</summary>
public static class Tickets
{
    /// <summary>The ticket behind a token, when it exists for one of the purposes (used or not, expired or not).</summary>
    public static async Task<VerificationTicket?> FindAsync(IAuthDbContext db, string? token, VerificationPurpose[] purposes, CancellationToken cancellationToken)
    {
        if (!OneTimeToken.TryParse(token, out var parsed))
        {
            return null;
        }

        // The digest is unique; the purpose is checked here rather than in SQL.
        var digest = parsed.ComputeDigest();
        var ticket = await db.VerificationTickets.AsNoTracking().FirstOrDefaultAsync(t => t.TokenDigest == digest, cancellationToken);
        return ticket is not null && purposes.Contains(ticket.Purpose) ? ticket : null;
    }

    public static async Task<VerificationTicket?> FindUsableAsync(IAuthDbContext db, string? token, VerificationPurpose[] purposes, DateTimeOffset now, CancellationToken cancellationToken) =>
        await FindAsync(db, token, purposes, cancellationToken) is { } ticket && ticket.IsUsable(now) ? ticket : null;

    /// <summary>
    /// Marks the ticket used with one conditional UPDATE: of two requests racing with the same token,
    /// exactly one sees true.
    /// </summary>
    public static async Task<bool> TryConsumeAsync(IAuthDbContext db, VerificationTicket ticket, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var id = ticket.Id;
        var updated = await db.VerificationTickets
            .Where(t => t.Id == id && t.ConsumedAt == null && t.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.ConsumedAt, now), cancellationToken);
        return updated == 1;
    }

    /// <summary>
    /// Withdraws every unused <paramref name="purpose"/> link of the user (tracked; the caller saves them
    /// with the change that made them stale): a password reset, a password change or a change of email
    /// leaves no older reset link working.
    /// </summary>
    public static async Task WithdrawOutstandingAsync(IAuthDbContext db, string userId, VerificationPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var outstanding = await db.VerificationTickets
            .Where(t => t.UserId == userId && t.Purpose == purpose && t.ConsumedAt == null && t.ExpiresAt > now)
            .ToListAsync(cancellationToken);
        foreach (var ticket in outstanding)
        {
            ticket.Withdraw(now);
        }
    }
}
