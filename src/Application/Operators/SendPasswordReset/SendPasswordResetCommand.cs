using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Users;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Operators.SendPasswordReset;

/// <summary>
/// An operator sends a user a reset link (operator command `send-password-reset`). Unlike the public
/// route it says whether the user exists, and it is not subject to the per-recipient limit. The mail is
/// queued in the outbox; the running service delivers it.
/// </summary>
public sealed record SendPasswordResetCommand(string? Email, string? RedirectTo) : ICommand<Result<string>>;

internal sealed class SendPasswordResetCommandValidator : AbstractValidator<SendPasswordResetCommand>
{
    public SendPasswordResetCommandValidator() => RuleFor(c => c.Email).EmailAddress();
}

internal sealed class SendPasswordResetCommandHandler(IAuthDbContext db, IMailTransport transport, IOptions<AuthOptions> auth, TimeProvider clock)
    : ICommandHandler<SendPasswordResetCommand, Result<string>>
{
    public async ValueTask<Result<string>> Handle(SendPasswordResetCommand command, CancellationToken cancellationToken)
    {
        if (!transport.IsConfigured)
        {
            return MailErrors.ResetPasswordDisabled;
        }

        if (!RedirectTargets.IsAllowed(command.RedirectTo, auth.Value))
        {
            return MailErrors.InvalidRedirectUrl;
        }

        var email = EmailAddress.Parse(command.Email!).Value;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            return Errors.UserNotFound;
        }

        db.MailJobs.Add(MailJob.Create(MailKind.PasswordReset, user.Email, user.Id, otherEmail: null,
            string.IsNullOrEmpty(command.RedirectTo) ? null : command.RedirectTo, clock.GetUtcNow()));
        await db.SaveChangesAsync(cancellationToken);
        return user.Id;
    }
}
