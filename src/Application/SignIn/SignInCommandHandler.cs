using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
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
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    IOptions<EmailOptions> emailOptions)
    : ICommandHandler<SignInCommand, Result<AuthenticatedSession>>
{
    public async ValueTask<Result<AuthenticatedSession>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Per-account backoff, checked before any hashing. Unknown emails have buckets too, so this
        // answer says nothing about whether the account exists.
        if (await throttle.CheckAsync(email, cancellationToken) is { } retryAfter)
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
            await throttle.RecordFailureAsync(email, cancellationToken);
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.UnknownEmail);
            return Errors.InvalidEmailOrPassword;
        }

        var verification = await passwordHasher.VerifyAsync(command.Password!, account.Credential.PasswordHash, cancellationToken);
        if (verification == PasswordVerification.Failed || account.User.IsDisabled)
        {
            await throttle.RecordFailureAsync(email, cancellationToken);
            AuthMetrics.SignIn(account.User.IsDisabled ? AuthMetrics.SignInOutcome.UserDisabled : AuthMetrics.SignInOutcome.InvalidPassword);
            return Errors.InvalidEmailOrPassword;
        }

        // Only after the password: an unverified account is not revealed to someone who cannot sign in.
        if (emailOptions.Value.RequireEmailVerification && !account.User.EmailVerified)
        {
            return MailErrors.EmailNotVerified;
        }

        var now = clock.GetUtcNow();
        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            account.Credential.ReplaceHash(await passwordHasher.HashAsync(command.Password!, cancellationToken), now);
        }

        // Always a brand-new token, whatever cookie came in: no session fixation.
        var token = SessionToken.Generate();
        var session = Session.Start(account.User.Id, token, sessionOptions.Value.ToLifetime(), command.RememberMe, command.Client.IpAddress, command.Client.UserAgent, now);
        db.Sessions.Add(session);
        await EndReplacedSessionAsync(command.ReplacedToken, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Success);

        return new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(account.User), command.RememberMe);
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
