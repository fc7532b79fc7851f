using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail.ChangeEmail;

internal sealed class ChangeEmailCommandHandler(
    IAuthDbContext db,
    IMailTransport transport,
    MailOutbox outbox,
    IOptions<AuthOptions> auth,
    IOptions<EmailOptions> email,
    TimeProvider clock)
    : ICommandHandler<ChangeEmailCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(ChangeEmailCommand command, CancellationToken cancellationToken)
    {
        if (!email.Value.ChangeEmailEnabled)
        {
            return MailErrors.ChangeEmailDisabled;
        }

        if (!transport.IsConfigured)
        {
            return MailErrors.VerificationEmailNotEnabled;
        }

        var now = clock.GetUtcNow();
        var actor = command.Actor;

        if (!RedirectTargets.IsAllowed(command.CallbackUrl, auth.Value))
        {
            return MailErrors.InvalidCallbackUrl;
        }

        var newEmail = EmailAddress.Parse(command.NewEmail!).Value;
        if (string.Equals(newEmail, actor.User.Email, StringComparison.Ordinal))
        {
            return MailErrors.EmailIsTheSame;
        }

        var callback = string.IsNullOrEmpty(command.CallbackUrl) ? null : command.CallbackUrl;
        // The notice to the old address goes with every link to a new one (notices are never limited): a change
        // asked for from a stolen session is always reported to the owner.
        var queued = await outbox.TryAddAsync(MailJob.Create(MailKind.EmailChangeVerification, newEmail, actor.User.Id, otherEmail: null, callback, now), now, cancellationToken);
        if (queued && actor.User.EmailVerified)
        {
            await outbox.TryAddAsync(MailJob.Create(MailKind.EmailChangeNotice, actor.User.Email, actor.User.Id, newEmail, callbackUrl: null, now), now, cancellationToken);
        }

        if (queued)
        {
            await db.SaveChangesAsync(cancellationToken);
            transport.NotifyJobsWritten();
        }

        return true;
    }
}
