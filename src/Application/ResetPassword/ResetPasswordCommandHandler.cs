using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Verification;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ResetPassword;

internal sealed class ResetPasswordCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    TimeProvider clock,
    IOptions<EmailOptions> email)
    : ICommandHandler<ResetPasswordCommand, Result<bool>>, IQueryHandler<CheckResetTokenQuery, bool>
{
    public async ValueTask<Result<bool>> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var ticket = await Tickets.FindUsableAsync(db, command.Token, [VerificationPurpose.PasswordReset], now, cancellationToken);
        if (ticket is null)
        {
            return MailErrors.InvalidToken;
        }

        // Hash before consuming: a busy hasher (503) must not burn the user's link.
        var hash = await passwordHasher.HashAsync(command.NewPassword!, cancellationToken);
        if (!await Tickets.TryConsumeAsync(db, ticket, now, cancellationToken))
        {
            return MailErrors.InvalidToken;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == ticket.UserId, cancellationToken);
        if (user is null)
        {
            return MailErrors.UserNotFound;
        }

        var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == user.Id, cancellationToken);
        if (credential is null)
        {
            db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, hash, now));
        }
        else
        {
            credential.ReplaceHash(hash, now);
        }

        if (email.Value.RevokeSessionsOnPasswordReset)
        {
            await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.PasswordChanged, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public async ValueTask<bool> Handle(CheckResetTokenQuery query, CancellationToken cancellationToken) =>
        await Tickets.FindUsableAsync(db, query.Token, [VerificationPurpose.PasswordReset], clock.GetUtcNow(), cancellationToken) is not null;
}
