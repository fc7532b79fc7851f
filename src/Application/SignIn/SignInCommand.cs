using System.Text;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.SignIn;

/// <summary>Check email and password and start a new session. POST /sign-in/email.</summary>
public sealed record SignInCommand(string? Email, string? Password, bool RememberMe, ClientInfo Client)
    : ICommand<Result<AuthenticatedSession>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ***, Password = ***, RememberMe = ").Append(RememberMe);
        return true;
    }
}
