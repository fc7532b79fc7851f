using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.MagicLink.SignInMagicLink;

internal sealed class SignInMagicLinkCommandHandler(
    IAuthDbContext db,
    IMailTransport transport,
    IOptions<AuthOptions> auth,
    IOptions<MagicLinkOptions> options,
    MailOutbox outbox,
    TimeProvider clock)
    : ICommandHandler<SignInMagicLinkCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(SignInMagicLinkCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled || !transport.IsConfigured)
        {
            return Errors.EmailSignInDisabled;
        }

        if (!RedirectTargets.IsAllowed(command.CallbackUrl, auth.Value))
        {
            return Errors.InvalidCallbackUrl;
        }

        if (!RedirectTargets.IsAllowed(command.NewUserCallbackUrl, auth.Value))
        {
            return Errors.InvalidNewUserCallbackUrl;
        }

        if (!RedirectTargets.IsAllowed(command.ErrorCallbackUrl, auth.Value))
        {
            return Errors.InvalidErrorCallbackUrl;
        }

        // No user lookup here: known and unknown addresses take the same path (one count, one insert).
        var now = clock.GetUtcNow();
        var address = EmailAddress.Parse(command.Email!).Value;
        var name = string.IsNullOrWhiteSpace(command.Name) ? null : command.Name.Trim();
        var job = MailJob.MagicLink(address, name, NullIfEmpty(command.CallbackUrl), NullIfEmpty(command.NewUserCallbackUrl), NullIfEmpty(command.ErrorCallbackUrl), now);
        if (await outbox.TryAddAsync(job, now, cancellationToken))
        {
            await db.SaveChangesAsync(cancellationToken);
            transport.NotifyJobsWritten();
        }

        return true;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
