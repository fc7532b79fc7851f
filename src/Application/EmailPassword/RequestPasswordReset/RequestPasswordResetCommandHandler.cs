using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailPassword.RequestPasswordReset;

internal sealed class RequestPasswordResetCommandHandler(
    IAuthDbContext db,
    IMailTransport transport,
    IOptions<AuthOptions> auth,
    MailOutbox outbox,
    TimeProvider clock)
    : ICommandHandler<RequestPasswordResetCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RequestPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (!transport.IsConfigured)
        {
            return MailErrors.ResetPasswordDisabled;
        }

        if (!RedirectTargets.IsAllowed(command.RedirectTo, auth.Value))
        {
            return MailErrors.InvalidRedirectUrl;
        }

        // No user lookup here: known and unknown addresses take the same path (one count, one insert).
        var now = clock.GetUtcNow();
        var address = EmailAddress.Parse(command.Email!).Value;
        var job = MailJob.Create(MailKind.PasswordReset, address, userId: null, otherEmail: null, NullIfEmpty(command.RedirectTo), now);
        if (await outbox.TryAddAsync(job, now, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            transport.NotifyJobsWritten();
        }

        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
