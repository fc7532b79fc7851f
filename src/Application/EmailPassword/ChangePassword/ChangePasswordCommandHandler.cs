using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.EmailPassword.ChangePassword;

internal sealed class ChangePasswordCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IFailedSignInThrottle throttle,
    IPasswordCredentialLock credentialLock,
    TimeProvider clock,
    SessionIssuer issuer,
    AuditTrail audit)
    : ICommandHandler<ChangePasswordCommand, Result<AuthenticatedSession>>
{
    public async ValueTask<Result<AuthenticatedSession>> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.User.Id, cancellationToken);
        var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == actor.User.Id, cancellationToken);
        if (user is null || credential is null)
        {
            return SecurityErrors.CredentialAccountNotFound;
        }

        // Guessing the current password from a stolen session spends the same per-account budget as
        // guessing it at sign-in.
        var email = EmailAddress.Parse(user.Email);
        if (await throttle.TryTakeAsync(email, cancellationToken) is { } retryAfter)
        {
            return SecurityErrors.TooManyFailedSignIns(retryAfter);
        }

        var verifiedHash = credential.PasswordHash;
        if (await passwordHasher.VerifyAsync(command.CurrentPassword!, verifiedHash, cancellationToken) == PasswordVerification.Failed)
        {
            return SecurityErrors.InvalidPassword;
        }

        await throttle.RefundAsync(email, cancellationToken);
        var newHash = await passwordHasher.HashAsync(command.NewPassword!, cancellationToken);

        // Under the credential row's lock: a sign-in verified against the old hash either committed its
        // session before this (and the sweep below sees it) or will see the new hash and create nothing.
        var session = await credentialLock.RunLockedAsync(user.Id, async (currentHash, ct) =>
        {
            // The stored hash moved since the check (a sign-in's rehash, or another change): check the current
            // password against the hash stored now; only a changed password fails here.
            if (currentHash != verifiedHash
                && (currentHash is null || await passwordHasher.VerifyAsync(command.CurrentPassword!, currentHash, ct) == PasswordVerification.Failed))
            {
                return null;
            }

            var now = clock.GetUtcNow();
            credential.ReplaceHash(newHash, now);
            audit.Record(AuditEventTypes.PasswordChanged, user.Id);
            await Tickets.WithdrawOutstandingAsync(db, user.Id, VerificationPurpose.PasswordReset, now, ct); // a reset link must not undo the change

            // Rotate the current session: its token may be what leaked.
            var current = await db.Sessions.FirstAsync(s => s.Id == actor.Session.Id, ct);
            current.Revoke(SessionRevocationReason.PasswordChanged, now);
            if (command.RevokeOtherSessions)
            {
                await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: current.Id, SessionRevocationReason.PasswordChanged, now, ct);
            }

            var started = issuer.Rotate(user, current, command.Client);
            await db.SaveChangesAsync(ct);
            return started;
        }, cancellationToken);

        if (session is null)
        {
            return SecurityErrors.InvalidPassword;
        }

        return session;
    }
}
