using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Mail.VerifyEmail;

internal sealed class VerifyEmailCommandHandler(
    IAuthDbContext db,
    IMapper mapper,
    TimeProvider clock,
    IOptions<EmailOptions> email,
    SessionIssuer issuer,
    AuditTrail audit)
    : ICommandHandler<VerifyEmailCommand, Result<VerifyEmailOutcome>>
{
    private static readonly VerificationPurpose[] Purposes = [VerificationPurpose.EmailVerification, VerificationPurpose.EmailChange];

    public async ValueTask<Result<VerifyEmailOutcome>> Handle(VerifyEmailCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ticket = await Tickets.FindAsync(db, command.Token, Purposes, cancellationToken);
        if (ticket is null || ticket.ConsumedAt is not null)
        {
            return MailErrors.InvalidToken;
        }

        if (!ticket.IsUsable(now))
        {
            return MailErrors.TokenExpired;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == ticket.UserId, cancellationToken);
        if (user is null || user.IsDisabledAt(now))
        {
            return MailErrors.UserNotFound;
        }

        // A link for an address the user has since left proves nothing about the current one.
        if (ticket.Purpose == VerificationPurpose.EmailVerification && user.Email != ticket.Email)
        {
            return MailErrors.InvalidToken;
        }

        if (!await Tickets.TryConsumeAsync(db, ticket, now, cancellationToken))
        {
            return MailErrors.InvalidToken;
        }

        var provedAddress = ticket.Purpose == VerificationPurpose.EmailVerification && !user.EmailVerified;

        // The link proved the address: on a never-verified account, what was added before goes (ADR 0111).
        await UnprovenMethods.RemoveOnFirstProofAsync(db, user, now, cancellationToken);
        if (ticket.Purpose == VerificationPurpose.EmailChange)
        {
            user.ChangeEmail(EmailAddress.Parse(ticket.Email), now);
            audit.Record(AuditEventTypes.EmailChanged, user.Id);
            await Tickets.WithdrawOutstandingAsync(db, user.Id, VerificationPurpose.PasswordReset, now, cancellationToken);
        }
        else
        {
            user.MarkEmailVerified(now);
            audit.Record(AuditEventTypes.EmailVerified, user.Id);
        }

        // Only the link that proved the address signs in: a second link for an address already verified is
        // no proof of anything now, and must not be a way around the password and the second factor.
        SignInOutcome? signedIn = null;
        if (email.Value.AutoSignInAfterVerification && provedAddress)
        {
            var started = await issuer.SignInAsync(new SignInAttempt(user, SignInMethod.EmailLink, RememberMe: true, command.Client), cancellationToken);
            signedIn = started.IsSuccess ? started.Value : null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // The new address was taken between the request and the click.
            return Errors.UserAlreadyExists;
        }

        return new VerifyEmailOutcome(mapper.Map<UserDto>(user), signedIn);
    }
}
