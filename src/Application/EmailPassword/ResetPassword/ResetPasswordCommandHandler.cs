using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailPassword.ResetPassword;

internal sealed class ResetPasswordCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IPasswordCredentialLock credentialLock,
    TimeProvider clock,
    IOptions<EmailOptions> email)
    : ICommandHandler<ResetPasswordCommand, Result<bool>>, IQueryHandler<CheckResetTokenQuery, bool>
{
    private static readonly VerificationPurpose[] Purposes = [VerificationPurpose.PasswordReset];

    public async ValueTask<Result<bool>> Handle(ResetPasswordCommand command, CancellationToken cancellationToken)
    {
        var ticket = await FindUsableAsync(command.Token, cancellationToken);
        if (ticket is null)
        {
            return MailErrors.InvalidToken;
        }

        // Hash before consuming: a busy hasher (503) must not burn the user's link.
        var hash = await passwordHasher.HashAsync(command.NewPassword!, cancellationToken);

        // Under the credential row's lock, as a password change (ADR 0087): a sign-in verified against the
        // old hash either committed its session before this (and the sweep below ends it) or sees the new
        // hash and creates nothing. The link is used under the lock too, so of two links of one user
        // racing, the second finds itself withdrawn by the first.
        return await credentialLock.RunLockedAsync<Result<bool>>(ticket.UserId, async (_, ct) =>
        {
            var now = clock.GetUtcNow();
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == ticket.UserId, ct);
            if (user is null || user.Email != ticket.Email)
            {
                return MailErrors.InvalidToken;
            }

            if (!await Tickets.TryConsumeAsync(db, ticket, now, ct))
            {
                return MailErrors.InvalidToken;
            }

            var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == user.Id, ct);
            if (credential is null)
            {
                db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, hash, now));
            }
            else
            {
                credential.ReplaceHash(hash, now);
            }

            await Tickets.WithdrawOutstandingAsync(db, user.Id, VerificationPurpose.PasswordReset, now, ct);

            // The link proved the address: what a squatter may have added before that goes (ADR 0111).
            await UnprovenMethods.RemoveOnFirstProofAsync(db, user, now, ct);
            if (email.Value.RevokeSessionsOnPasswordReset)
            {
                await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.PasswordChanged, now, ct);
            }

            await db.SaveChangesAsync(ct);
            return Result<bool>.Success(true);
        }, cancellationToken);
    }

    public async ValueTask<bool> Handle(CheckResetTokenQuery query, CancellationToken cancellationToken) =>
        await FindUsableAsync(query.Token, cancellationToken) is not null;

    /// <summary>
    /// The unused, unexpired reset ticket behind a token, when it was mailed to the address the user has now:
    /// a link sent before a change of email proves nothing about the new address.
    /// </summary>
    private async Task<VerificationTicket?> FindUsableAsync(string? token, CancellationToken cancellationToken)
    {
        var ticket = await Tickets.FindUsableAsync(db, token, Purposes, clock.GetUtcNow(), cancellationToken);
        if (ticket is null)
        {
            return null;
        }

        var userId = ticket.UserId;
        var address = await db.Users.Where(u => u.Id == userId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        return address == ticket.Email ? ticket : null;
    }
}
