using System.Text;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.CreateUser;

/// <summary>
/// Create an account with email and password on an operator's behalf (the `create-user` command):
/// the sign-up rules and hashing, but no session is started.
/// </summary>
public sealed record CreateUserCommand(string? Name, string? Email, string? Password) : ICommand<Result<UserDto>>
{
    // Records print every property in ToString(); this one must never print the password.
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "The compiler calls a record's PrintMembers on the instance.")]
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Email = ***, Password = ***");
        return true;
    }
}
