using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail.SendVerificationEmail;

internal sealed class SendVerificationEmailCommandHandler(
    IAuthDbContext db,
    IMailTransport transport,
    IOptions<AuthOptions> auth,
    MailOutbox outbox,
    TimeProvider clock)
    : ICommandHandler<SendVerificationEmailCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SendVerificationEmailCommand command, CancellationToken cancellationToken)
    {
        if (!transport.IsConfigured)
        {
            return MailErrors.VerificationEmailNotEnabled;
        }

        if (!RedirectTargets.IsAllowed(command.CallbackUrl, auth.Value))
        {
            return MailErrors.InvalidCallbackUrl;
        }

        var address = EmailAddress.Parse(command.Email!).Value;
        if (command.Actor is { } actor)
        {
            if (!string.Equals(actor.User.Email, address, StringComparison.Ordinal))
            {
                return MailErrors.EmailMismatch;
            }

            if (actor.User.EmailVerified)
            {
                return MailErrors.EmailAlreadyVerified;
            }
        }

        // Signed out, whether the address is known (and unverified) is decided by the sender, off the request path.
        var now = clock.GetUtcNow();
        var job = MailJob.Create(MailKind.EmailVerification, address, command.Actor?.User.Id, otherEmail: null,
            string.IsNullOrEmpty(command.CallbackUrl) ? null : command.CallbackUrl, now);
        if (await outbox.TryAddAsync(job, now, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            transport.NotifyJobsWritten();
        }

        return true;
    }
}
