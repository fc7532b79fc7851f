using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.SecondFactors;
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
    SecondFactorGate secondFactor)
    : ICommandHandler<SignInCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(SignInCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Per-account backoff, checked before any hashing. Unknown emails have buckets too, so this
        // answer says nothing about whether the account exists.
        if (await throttle.CheckAsync(email, cancellationToken) is { } retryAfter)
        {
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
            return Errors.InvalidEmailOrPassword;
        }

        var verification = await passwordHasher.VerifyAsync(command.Password!, account.Credential.PasswordHash, cancellationToken);
        if (verification == PasswordVerification.Failed || account.User.IsDisabled)
        {
            await throttle.RecordFailureAsync(email, cancellationToken);
            return Errors.InvalidEmailOrPassword;
        }

        var now = clock.GetUtcNow();
        if (verification == PasswordVerification.SucceededRehashNeeded)
        {
            account.Credential.ReplaceHash(await passwordHasher.HashAsync(command.Password!, cancellationToken), now);
        }

        // A second factor, if the user has one, comes before any session exists.
        var decision = await secondFactor.DecideAsync(account.User.Id, command.TrustedDevice, command.RememberMe, cancellationToken);
        if (decision.Required)
        {
            await db.SaveChangesAsync(cancellationToken);
            return SignInOutcome.SecondFactorRequired(decision);
        }

        // Always a brand-new token, whatever cookie came in: no session fixation.
        var token = SessionToken.Generate();
        var session = Session.Start(account.User.Id, token, sessionOptions.Value.ToLifetime(), command.RememberMe, command.Client.IpAddress, command.Client.UserAgent, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        return SignInOutcome.SignedIn(
            new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(account.User), command.RememberMe), decision.RenewedTrustedDevice);
    }
}
