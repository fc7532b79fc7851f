using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.SecondFactors;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.SignIn;

internal sealed class SignInCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IFailedSignInThrottle throttle,
    IPasswordCredentialLock credentialLock,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    IOptions<EmailOptions> emailOptions,
    SecondFactorGate secondFactor)
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

        // Only after the password: an unverified account is not revealed to someone who cannot sign in.
        if (emailOptions.Value.RequireEmailVerification && !account.User.EmailVerified)
        {
            return MailErrors.EmailNotVerified;
        }

        // A second factor, if the user has one, comes before any session exists.
        var decision = await secondFactor.DecideAsync(account.User.Id, command.TrustedDevice, command.RememberMe, cancellationToken);
        if (decision.Required)
        {
            await db.SaveChangesAsync(cancellationToken);
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.SecondFactorRequired);
            return SignInOutcome.SecondFactorRequired(decision);
        }

        string? rehash = verification == PasswordVerification.SucceededRehashNeeded
            ? await passwordHasher.HashAsync(command.Password!, cancellationToken)
            : null;

        // Always a brand-new token, whatever cookie came in: no session fixation.
        var token = SessionToken.Generate();
        var session = await credentialLock.RunLockedAsync(account.User.Id, async (currentHash, ct) =>
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

            var now = clock.GetUtcNow();
            if (rehash is not null)
            {
                account.Credential.ReplaceHash(rehash, now);
            }

            var started = Session.Start(account.User.Id, token, sessionOptions.Value.ToLifetime(), command.RememberMe, command.Client.IpAddress, command.Client.UserAgent, now);
            db.Sessions.Add(started);
            await EndReplacedSessionAsync(command.ReplacedToken, now, ct);
            await db.SaveChangesAsync(ct);
            return started;
        }, cancellationToken);

        if (session is null)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.InvalidPassword);
            return Errors.InvalidEmailOrPassword;
        }

        AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);

        return SignInOutcome.SignedIn(
            new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(account.User), command.RememberMe), decision.RenewedTrustedDevice);
    }

    /// <summary>The browser's new cookie replaces the one it sent: the session behind that one ends now (saved with the new one).</summary>
    private async Task EndReplacedSessionAsync(SessionToken? replaced, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (replaced is not { } token)
        {
            return;
        }

        var digest = token.ComputeDigest();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.TokenDigest == digest && s.RevokedAt == null, cancellationToken);
        session?.Revoke(SessionRevocationReason.SignedOut, now);
    }
}
