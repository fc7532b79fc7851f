using System.Text;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.SignUp;

/// <summary>
/// Create an account with email and password, and sign it in. POST /sign-up/email. With
/// Auth:Email:SendOnSignUp a verification link is queued in the same transaction (to CallbackUrl afterwards).
/// <see cref="Username"/> and <see cref="DisplayUsername"/> are the username plugin's (both optional).
/// </summary>
public sealed record SignUpCommand(string? Name, string? Email, string? Password, string? Image, bool RememberMe, ClientInfo Client, string? CallbackUrl = null, string? Username = null, string? DisplayUsername = null)
    : ICommand<Result<SignInOutcome>>
{
    // Records print every property in ToString(); this one must never print the password.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ***, Password = ***, RememberMe = ").Append(RememberMe);
        return true;
    }
}
