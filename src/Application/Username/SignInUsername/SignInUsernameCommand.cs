using System.Text;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Username.SignInUsername;

/// <summary>
/// Check username and password, then ask the sign-in pipeline for a session (POST /sign-in/username,
/// BetterAuth's username plugin): the same first factor as email sign-in, under its own policy row.
/// </summary>
public sealed record SignInUsernameCommand(
    string? Username, string? Password, bool RememberMe, ClientInfo Client, SessionToken? ReplacedToken = null, SessionToken? TrustedDevice = null)
    : ICommand<Result<SignInOutcome>>, IAuditedSignIn
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Username = ***, Password = ***, RememberMe = ").Append(RememberMe);
        return true;
    }
}
