using System.Text;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Sessions.RevokeSession;

/// <summary>
/// End one of the caller's own sessions, named by its token or its id. POST /revoke-session.
/// Ending the current session is always allowed; ending another one needs a fresh session, so a thief
/// holding an old cookie cannot sign the real user out. An unknown or foreign session is ignored
/// (status true, nothing revoked), as in BetterAuth.
/// </summary>
public sealed record RevokeSessionCommand(CurrentSession Actor, string? Token, string? Id) : ICommand<Result<RevokeSessionResult>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Token = ***, Id = ").Append(Id);
        return true;
    }
}

/// <summary>Whether a session was revoked and whether it was the caller's own (then its cookie is expired).</summary>
public sealed record RevokeSessionResult(bool Revoked, bool RevokedCurrent);
