using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail.DeliverMail;

/// <summary>
/// Turns an outbox job into the mail to send, at send time, inside the sender's transaction: it decides
/// whether there is anything to send (a known, enabled user; an address still unverified; a new address
/// still free) and mints the link's token, adding its ticket (digest only) to the same transaction. So
/// the token is never written anywhere but the mail, and the decision the request must not reveal
/// (does this address have an account?) is made off the request path.
/// </summary>
public sealed class MailJobPreparer(
    IAuthDbContext db,
    IServiceUrls urls,
    IOptions<EmailOptions> email,
    IOptions<MagicLinkOptions> magicLink,
    IOptions<EmailOtpOptions> emailOtp,
    MailedCodes codes,
    TimeProvider clock)
{
    /// <summary>The mail, or null when there is nothing to send (the job is then dropped).</summary>
    public async Task<PreparedMail?> PrepareAsync(MailJob job, CancellationToken cancellationToken)
    {
        var user = job.UserId is { } id
            ? await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken)
            : await db.Users.FirstOrDefaultAsync(u => u.Email == job.Recipient, cancellationToken);
        if (user is not null && user.IsDisabledAt(clock.GetUtcNow()))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        if (job.Kind == MailKind.OrganizationInvitation)
        {
            return await InvitationMail.PrepareAsync(db, urls, job, now, cancellationToken);
        }

        if (SignInMail.Prepare(job, user, magicLink.Value, emailOtp.Value, urls, codes, db, now) is { } signIn)
        {
            return signIn.Mail;
        }

        if (user is null)
        {
            return null;
        }

        switch (job.Kind)
        {
            case MailKind.PasswordReset:
            {
                var token = Issue(VerificationPurpose.PasswordReset, user, user.Email, email.Value.ResetPasswordTokenLifetime, now);
                return Mail(job, user, ("url", urls.ResetPasswordLink(token, job.CallbackUrl)), ("expiresInMinutes", Minutes(email.Value.ResetPasswordTokenLifetime)));
            }

            case MailKind.EmailVerification:
            {
                if (user.EmailVerified || user.Email != job.Recipient)
                {
                    return null;
                }

                var token = Issue(VerificationPurpose.EmailVerification, user, user.Email, email.Value.VerificationTokenLifetime, now);
                return Mail(job, user, ("url", urls.VerifyEmailLink(token, job.CallbackUrl)), ("expiresInMinutes", Minutes(email.Value.VerificationTokenLifetime)));
            }

            case MailKind.EmailChangeVerification:
            {
                // Taken by then: nothing is sent, and the request that asked never learns it.
                if (user.Email == job.Recipient || await db.Users.AnyAsync(u => u.Email == job.Recipient, cancellationToken))
                {
                    return null;
                }

                var token = Issue(VerificationPurpose.EmailChange, user, job.Recipient, email.Value.VerificationTokenLifetime, now);
                return Mail(job, user, ("url", urls.VerifyEmailLink(token, job.CallbackUrl)), ("newEmail", job.Recipient), ("expiresInMinutes", Minutes(email.Value.VerificationTokenLifetime)));
            }

            case MailKind.EmailChangeNotice:
                return user.Email == job.Recipient ? Mail(job, user, ("newEmail", job.OtherEmail ?? string.Empty)) : null;

            default:
                return null;
        }
    }

    private OneTimeToken Issue(VerificationPurpose purpose, User user, string address, TimeSpan lifetime, DateTimeOffset now)
    {
        var token = OneTimeToken.Generate();
        db.VerificationTickets.Add(VerificationTicket.Issue(purpose, token, user.Id, address, lifetime, now));
        return token;
    }

    private static PreparedMail Mail(MailJob job, User user, params (string Key, string Value)[] values)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal) { ["name"] = user.Name, ["email"] = job.Recipient };
        foreach (var (key, value) in values)
        {
            all[key] = value;
        }

        return new PreparedMail(job.Kind, job.Recipient, all);
    }

    private static string Minutes(TimeSpan lifetime) => ((int)lifetime.TotalMinutes).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
