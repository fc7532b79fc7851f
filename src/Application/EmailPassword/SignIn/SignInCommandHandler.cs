using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Users;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.SignIn;

internal sealed class SignInCommandHandler(IFailedSignInThrottle throttle, PasswordFirstFactor password)
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

        var account = await password.FindAsync(user => user.Email == email.Value, cancellationToken);
        return await password.SignInAsync(
            account,
            command.Password!,
            user => new SignInAttempt(user, SignInMethod.Password, command.RememberMe, command.Client, command.TrustedDevice, command.ReplacedToken),
            Errors.InvalidEmailOrPassword,
            cancellationToken);
    }
}
