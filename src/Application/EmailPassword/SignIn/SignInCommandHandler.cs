using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.EmailPassword.SignIn;

internal sealed class SignInCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IFailedSignInThrottle throttle,
    IPasswordCredentialLock credentialLock,
    TimeProvider clock,
    SessionIssuer issuer)
    : ICommandHandler<SignInCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Per-account backoff: the token is taken atomically before any hashing, so concurrent guesses
        // (on any instance) can never run more checks than the bucket holds. Unknown emails have buckets
        // too, so this answer says nothing about whether the account exists.
        if (await throttle.TryTakeAsync(email, cancellationToken) is { } retryAfter)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Throttled);
            AuthMetrics.RequestRefused(AuthMetrics.Limit.FailedSignInBackoff);
            return SecurityErrors.TooManyFailedSignIns(retryAfter);
        }

        var account = await (
                from user in db.Users
                where user.Email == email.Value
                join credential in db.PasswordCredentials on user.Id equals credential.UserId
                select new { User = user, Credential = credential })
            .FirstOrDefaultAsync(cancellationToken);

        if (account is null)
        {
            // Same work and the same answer as a wrong password: no account enumeration by status or timing.
            await passwordHasher.VerifyAgainstDummyAsync(command.Password!, cancellationToken);
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.UnknownEmail);
            return Errors.InvalidEmailOrPassword;
        }

        var verifiedHash = account.Credential.PasswordHash;
        var verification = await passwordHasher.VerifyAsync(command.Password!, verifiedHash, cancellationToken);
        if (verification == PasswordVerification.Failed || account.User.IsDisabled)
        {
            AuthMetrics.SignIn(account.User.IsDisabled ? AuthMetrics.SignInOutcome.UserDisabled : AuthMetrics.SignInOutcome.InvalidPassword);
            return Errors.InvalidEmailOrPassword;
        }

        await throttle.RefundAsync(email, cancellationToken);
        string? rehash = verification == PasswordVerification.SucceededRehashNeeded
            ? await passwordHasher.HashAsync(command.Password!, cancellationToken)
            : null;

        var attempt = new SignInAttempt(account.User, SignInMethod.Password, command.RememberMe, command.Client, command.TrustedDevice, command.ReplacedToken);
        var outcome = await credentialLock.RunLockedAsync(account.User.Id, async (currentHash, ct) =>
        {
            // The stored hash moved while the password was being verified: either another sign-in rehashed the
            // same password, or the password was changed. Only a check against the hash stored now tells which
            // (rare, so hashing under the lock is acceptable); a changed password must neither open a session
            // nor have a rehash of the old one written over the new hash.
            if (currentHash != verifiedHash)
            {
                if (currentHash is null || await passwordHasher.VerifyAsync(command.Password!, currentHash, ct) == PasswordVerification.Failed)
                {
                    return null;
                }

                rehash = null; // someone else's write is newer than ours
            }

            var signedIn = await issuer.SignInAsync(attempt, ct);
            if (signedIn.IsSuccess && rehash is not null)
            {
                account.Credential.ReplaceHash(rehash, clock.GetUtcNow());
            }

            await db.SaveChangesAsync(ct);
            return signedIn;
        }, cancellationToken);

        if (outcome is null)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.InvalidPassword);
            return Errors.InvalidEmailOrPassword;
        }

        if (outcome.IsSuccess && outcome.Value.IsSignedIn)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);
        }

        return outcome;
    }
}
