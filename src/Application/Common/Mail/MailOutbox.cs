using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Mail;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Mail;

/// <summary>
/// Adds mail jobs to the outbox (tracked; the caller saves them with the rest of its change, in one
/// transaction). Each address gets at most <see cref="EmailOptions.PerRecipientLimit"/> mails per window,
/// whoever asks; beyond that nothing is queued and the caller answers exactly as if it had been.
/// </summary>
public static class MailOutbox
{
    public static async Task<bool> TryAddAsync(IAuthDbContext db, MailJob job, EmailOptions options, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var since = now - options.PerRecipientWindow;
        var recent = await db.MailJobs.CountAsync(j => j.Recipient == job.Recipient && j.CreatedAt > since, cancellationToken);
        if (recent >= options.PerRecipientLimit)
        {
            return false;
        }

        db.MailJobs.Add(job);
        return true;
    }
}
