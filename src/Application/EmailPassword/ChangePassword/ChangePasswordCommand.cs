using System.Text;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.ChangePassword;

/// <summary>
/// Replace the caller's password, proven by the current one. POST /change-password.
/// The current session is rotated (revoked, and a fresh token issued); every other session is revoked
/// too unless <see cref="RevokeOtherSessions"/> is false.
/// </summary>
public sealed record ChangePasswordCommand(CurrentSession Actor, string? CurrentPassword, string? NewPassword, bool RevokeOtherSessions, ClientInfo Client)
    : ICommand<Result<AuthenticatedSession>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("CurrentPassword = ***, NewPassword = ***, RevokeOtherSessions = ").Append(RevokeOtherSessions);
        return true;
    }
}
