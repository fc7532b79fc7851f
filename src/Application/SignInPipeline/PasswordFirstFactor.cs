using System.Linq.Expressions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>A user with a password credential, found by whatever names them (email, username).</summary>
public sealed record PasswordAccount(User User, PasswordCredential Credential);

/// <summary>
/// The password as first factor, for every way in that names a user and presents a password (email,
/// username): the same lookup, the same hash work for a name that matches no one, the same refusal for an
/// unknown name, a wrong password and a disabled user, the throttle's token given back only for a correct
/// password, and the session asked for under the credential lock. The caller takes the throttle's token first.
/// </summary>
internal sealed class PasswordFirstFactor(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IFailedSignInThrottle throttle,
    IPasswordCredentialLock credentialLock,
    TimeProvider clock,
    SessionIssuer issuer)
{
    public Task<PasswordAccount?> FindAsync(Expression<Func<User, bool>> named, CancellationToken cancellationToken) =>
        (from user in db.Users.Where(named)
         join credential in db.PasswordCredentials on user.Id equals credential.UserId
         select new PasswordAccount(user, credential))
        .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Checks <paramref name="password"/> against <paramref name="account"/> (null: no such user, same work) and
    /// asks the pipeline for the session of <paramref name="attemptFor"/>; every failure is <paramref name="invalid"/>.
    /// </summary>
    public async Task<Result<SignInOutcome>> SignInAsync(
        PasswordAccount? account, string password, Func<User, SignInAttempt> attemptFor, Error invalid, CancellationToken cancellationToken)
    {
        if (account is null)
        {
            // Same work and the same answer as a wrong password: no account enumeration by status or timing.
            await passwordHasher.VerifyAgainstDummyAsync(password, cancellationToken);
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.UnknownEmail);
            return invalid;
        }

        var verifiedHash = account.Credential.PasswordHash;
        var verification = await passwordHasher.VerifyAsync(password, verifiedHash, cancellationToken);
        if (verification == PasswordVerification.Failed || account.User.IsDisabledAt(clock.GetUtcNow()))
        {
            AuthMetrics.SignIn(account.User.IsDisabledAt(clock.GetUtcNow()) ? AuthMetrics.SignInOutcome.UserDisabled : AuthMetrics.SignInOutcome.InvalidPassword);
            return invalid;
        }

        await throttle.RefundAsync(EmailAddress.Parse(account.User.Email), cancellationToken);
        string? rehash = verification == PasswordVerification.SucceededRehashNeeded
            ? await passwordHasher.HashAsync(password, cancellationToken)
            : null;

        var attempt = attemptFor(account.User);
        var outcome = await credentialLock.RunLockedAsync(account.User.Id, async (currentHash, ct) =>
        {
            // The stored hash moved while the password was being verified: either another sign-in rehashed the
            // same password, or the password was changed. Only a check against the hash stored now tells which
            // (rare, so hashing under the lock is acceptable); a changed password must neither open a session
            // nor have a rehash of the old one written over the new hash.
            if (currentHash != verifiedHash)
            {
                if (currentHash is null || await passwordHasher.VerifyAsync(password, currentHash, ct) == PasswordVerification.Failed)
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
            return invalid;
        }

        if (outcome.IsSuccess && outcome.Value.IsSignedIn)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);
        }

        return outcome;
    }
}
