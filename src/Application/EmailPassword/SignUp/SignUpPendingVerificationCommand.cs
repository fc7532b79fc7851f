using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>
/// Sign-up when Auth:Email:RequireEmailVerification is on: the account is created without a session and
/// a verification link is queued. An address that already has an account gets the same answer (a
/// stand-in user) and nothing is written or sent, so sign-up reveals no account.
/// </summary>
public sealed record SignUpPendingVerificationCommand(string? Name, string? Email, string? Password, string? Image, string? CallbackUrl, string? Username = null, string? DisplayUsername = null)
    : ICommand<Result<UserDto>>
{
    public override string ToString() => "SignUpPendingVerificationCommand { Email = ***, Password = *** }";
}
