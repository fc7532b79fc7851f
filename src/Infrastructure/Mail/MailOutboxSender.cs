using AuthPlatform.Application.Mail.DeliverMail;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Verification;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Mail;

/// <summary>
/// Delivers the mail outbox (docs/adr/0081). One job per transaction: the job row is locked with
/// FOR UPDATE SKIP LOCKED (so any number of instances share the outbox and never take the same job),
/// prepared (the link's ticket is added), sent over SMTP, and marked complete; the ticket and the mark
/// commit together. A failed send rolls the ticket back and schedules a retry with backoff. Requests
/// never wait for SMTP: an outage only delays mail.
/// </summary>
public sealed partial class MailOutboxSender(
    IServiceScopeFactory scopes,
    MailTransport transport,
    MailTemplates templates,
    IOptions<SmtpOptions> options,
    TimeProvider clock,
    ILogger<MailOutboxSender> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.IsConfigured)
        {
            MailOff(logger);
            return;
        }

        await using var smtp = new SmtpConnection(options);
        while (!stoppingToken.IsCancellationRequested)
        {
            bool more;
            try
            {
                more = await DeliverNextAsync(smtp, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database is down or the job could not be prepared: wait, then try again.
                OutboxFailed(logger, ex.GetType().Name, ex.Message);
                more = false;
            }

            if (!more)
            {
                await smtp.CloseAsync();
                try
                {
                    await transport.WaitAsync(options.Value.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Handles one due job; false when there was none, or when SMTP failed (so the loop pauses).</summary>
    public async Task<bool> DeliverNextAsync(SmtpConnection smtp, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
        var preparer = scope.ServiceProvider.GetRequiredService<MailJobPreparer>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var now = clock.GetUtcNow();
        // Not composed (ToListAsync, not FirstOrDefault): the locking clause must stay the query's own.
        var job = (await db.MailJobs
            .FromSql($"SELECT * FROM mail_jobs WHERE completed_at IS NULL AND next_attempt_at <= {now} ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED")
            .ToListAsync(cancellationToken)).FirstOrDefault();
        if (job is null)
        {
            return false;
        }

        var mail = await preparer.PrepareAsync(job, cancellationToken);
        if (mail is null)
        {
            job.Complete(MailJobOutcome.Dropped, now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }

        // The link or code the mail carries is committed before the mail leaves: a recipient who follows it
        // the moment it arrives must find it. The job is leased meanwhile, so no other sender takes it.
        var minted = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is VerificationTicket or MailedSecret)
            .Select(e => e.Entity).ToList();
        job.Lease(now + DeliveryLease);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        try
        {
            await smtp.SendAsync(templates.Render(mail), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Never delivered: what it carried must not work either. The next attempt mints a new one.
            db.RemoveRange(minted);
            job.Fail(ex.GetType().Name + ": " + ex.Message, options.Value.RetryFirstDelay, options.Value.RetryMaxDelay, clock.GetUtcNow());
            await db.SaveChangesAsync(cancellationToken);
            DeliveryFailed(logger, job.Id, job.Kind, job.Attempts, ex.GetType().Name, ex.Message);
            return false;
        }

        job.Complete(MailJobOutcome.Sent, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        Delivered(logger, job.Id, job.Kind, job.Attempts + 1);
        return true;
    }

    /// <summary>How long a sender holds a job while it talks to the SMTP server; a dead sender's job waits this long.</summary>
    private static readonly TimeSpan DeliveryLease = TimeSpan.FromMinutes(2);

    [LoggerMessage(EventId = 8099, Level = LogLevel.Information, Message = "Mail is off (Auth:Smtp:Host / AUTH_SMTP_HOST is not set): password reset, email verification and change of email answer 'not enabled'")]
    private static partial void MailOff(ILogger logger);

    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Mail job {JobId} ({Kind}) delivered on attempt {Attempt}")]
    private static partial void Delivered(ILogger logger, long jobId, MailKind kind, int attempt);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Mail job {JobId} ({Kind}) not delivered (attempt {Attempts}): {ErrorType}: {ErrorMessage}; it will be retried")]
    private static partial void DeliveryFailed(ILogger logger, long jobId, MailKind kind, int attempts, string errorType, string errorMessage);

    [LoggerMessage(EventId = 8102, Level = LogLevel.Warning, Message = "Mail outbox pass failed: {ErrorType}: {ErrorMessage}; retrying after the poll interval")]
    private static partial void OutboxFailed(ILogger logger, string errorType, string errorMessage);
}
