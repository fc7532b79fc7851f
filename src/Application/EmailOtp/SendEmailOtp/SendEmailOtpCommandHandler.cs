using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailOtp.SendEmailOtp;

internal sealed class SendEmailOtpCommandHandler(
    IAuthDbContext db,
    IMailTransport transport,
    IOptions<EmailOtpOptions> options,
    MailOutbox outbox,
    TimeProvider clock)
    : ICommandHandler<SendEmailOtpCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SendEmailOtpCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !transport.IsConfigured)
        {
            return Errors.EmailSignInDisabled;
        }

        if (!EmailOtpTypes.TryParse(command.Type, out var kind))
        {
            return Errors.ValidationError; // the validator refused it already
        }


        // No user lookup here: known and unknown addresses take the same path (one count, one insert).
        var now = clock.GetUtcNow();
        var address = EmailAddress.Parse(command.Email!).Value;
        var job = MailJob.Create(EmailOtpTypes.MailOf(kind), address, userId: null, otherEmail: null, callbackUrl: null, now);
        if (await outbox.TryAddAsync(job, now, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            transport.NotifyJobsWritten();
        }

        return true;
    }
}
