using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Mail;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail;

/// <summary>
/// Adds mail jobs to the outbox (tracked; the caller saves them with the rest of its change, in one
/// transaction) and holds the per-recipient limit (docs/adr/0112-per-recipient-mail-budgets.md):
/// <list type="bullet">
/// <item>Each kind of link mail has its own budget per address: at most <see cref="EmailOptions.PerRecipientLimit"/>
/// reset mails, as many verification mails and as many change-of-email links per <see cref="EmailOptions.PerRecipientWindow"/>,
/// whoever asks. Flooding one kind never silences another, and every mail that spends a budget carries a link that
/// is still valid while the budget is spent (the window is no longer than the links' lifetime), so the owner of
/// the address always holds a working link when a request of theirs is refused.</item>
/// <item>Security notices (<see cref="IsSecurityNotice"/>) are never limited: they tell the owner about a change.</item>
/// <item>The count is one atomic increment in the shared credential-limit store (ADR 0085), never a count of
/// rows followed by an insert: concurrent requests, on any number of instances, cannot pass together.</item>
/// </list>
/// <item>Magic links and codes live minutes, not an hour: their window is the shorter of
/// <see cref="EmailOptions.PerRecipientWindow"/> and their lifetime, so the same promise holds for them
/// (docs/adr/0125-magic-links-and-email-codes.md).</item>
/// Over the limit nothing is queued and the caller answers exactly as if it had been.
/// </summary>
public sealed class MailOutbox(
    IAuthDbContext db,
    ICredentialLimitStore counter,
    IOptions<EmailOptions> options,
    IOptions<MagicLinkOptions> magicLink,
    IOptions<EmailOtpOptions> emailOtp)
{
    /// <summary>Mails that tell the owner of an address about a change to their account; they carry no link.</summary>
    public static bool IsSecurityNotice(MailKind kind) => kind is MailKind.EmailChangeNotice;

    /// <summary>Queues <paramref name="job"/> unless its kind's budget for the recipient is spent.</summary>
    public async Task<bool> TryAddAsync(MailJob job, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!IsSecurityNotice(job.Kind))
        {
            var window = WindowOf(job.Kind);
            var count = await counter.CountAsync($"mail|{job.Kind}|{job.Recipient}", now, window, cancellationToken);
            if (!FixedWindow.Decide(count, options.Value.PerRecipientLimit, window, now).Allowed)
            {
                return false;
            }
        }

        db.MailJobs.Add(job);
        return true;
    }

    /// <summary>The budget's window of a kind: never longer than the life of what its mails carry.</summary>
    private TimeSpan WindowOf(MailKind kind)
    {
        var window = options.Value.PerRecipientWindow;
        var lifetime = kind switch
        {
            MailKind.MagicLink => magicLink.Value.ExpiresIn,
            MailKind.SignInCode or MailKind.VerificationCode or MailKind.PasswordResetCode => emailOtp.Value.ExpiresIn,
            _ => window,
        };
        return lifetime < window ? lifetime : window;
    }

    /// <summary>
    /// Queues the verification link of an account being created, with it. Not counted: there is one per
    /// account creation, and a sign-up for an address that has an account writes nothing.
    /// </summary>
    public static void AddWithNewAccount(IAuthDbContext db, MailJob job) => db.MailJobs.Add(job);
}
