using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Users;
using Mediator;

namespace AuthPlatform.Application.Username.SignInUsername;

internal sealed class SignInUsernameCommandHandler(IFailedSignInThrottle throttle, PasswordFirstFactor password)
    : ICommandHandler<SignInUsernameCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(SignInUsernameCommand command, CancellationToken cancellationToken)
    {
        var username = UsernameRules.Normalize(command.Username!);
        var account = await password.FindAsync(user => user.Username == username, cancellationToken);

        // The account's own bucket (shared with email sign-in, so switching names buys no guesses), or the
        // unknown name's: the same limit and the same answer either way, taken before any hashing.
        var retryAfter = account is null
            ? await throttle.TryTakeForUnknownUsernameAsync(username, cancellationToken)
            : await throttle.TryTakeAsync(EmailAddress.Parse(account.User.Email), cancellationToken);
        if (retryAfter is { } wait)
        {
            AuthMetrics.SignIn(AuthMetrics.SignInOutcome.Throttled);
            AuthMetrics.RequestRefused(AuthMetrics.Limit.FailedSignInBackoff);
            return SecurityErrors.TooManyFailedSignIns(wait);
        }

        return await password.SignInAsync(
            account,
            command.Password!,
            user => new SignInAttempt(user, SignInMethod.Username, command.RememberMe, command.Client, command.TrustedDevice, command.ReplacedToken),
            Errors.InvalidUsernameOrPassword,
            cancellationToken);
    }
}
