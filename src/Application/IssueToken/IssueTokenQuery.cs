using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.GetSession;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.IssueToken;

/// <summary>
/// GET /token: a signed access token for the session holding <paramref name="Token"/>. Only a live
/// session gets one; the session lookup is get-session's (same rules, same rejection log), including
/// its sliding refresh, so using /token keeps a session alive like any other request. A query (like
/// get-session, whose one side effect it shares), so the hot path logs at Debug, not once per token.
/// </summary>
/// <param name="CredentialSource">"cookie" or "bearer", for the rejection log.</param>
public sealed record IssueTokenQuery(SessionToken Token, string CredentialSource) : IQuery<Result<IssuedToken>>
{
    // The session token is a bearer secret: keep it out of ToString() and so out of any log.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("CredentialSource = ").Append(CredentialSource);
        return true;
    }
}

/// <summary>The signed token, and the session it was issued for (refreshed when the lookup slid it).</summary>
public sealed record IssuedToken(string Jwt, CurrentSession Session, bool SessionRefreshed);
