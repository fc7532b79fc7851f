using System.Text;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.SignIn;

/// <summary>
/// Check email and password, then ask the sign-in pipeline for a session (POST /sign-in/email): a user with
/// a second factor gets a challenge instead, unless <see cref="TrustedDevice"/> is a valid trusted-device token.
/// <paramref name="ReplacedToken"/> is the session token of the cookie the new one replaces: that session ends
/// with the sign-in rather than lingering, unseen, until it expires (whoever it belonged to: a planted cookie
/// is ended too).
/// </summary>
public sealed record SignInCommand(string? Email, string? Password, bool RememberMe, ClientInfo Client, SessionToken? ReplacedToken = null, SessionToken? TrustedDevice = null)
    : ICommand<Result<SignInOutcome>>, IAuditedSignIn
{
    string? IAuditedSignIn.ClaimedEmail => Email;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ***, Password = ***, RememberMe = ").Append(RememberMe);
        return true;
    }
}
