using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Application.Sessions.GetSession;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Tokens;

/// <summary>
/// The set-auth-jwt response header of get-session (BetterAuth's jwt plugin): a fresh access token
/// whenever a session is returned, so a frontend needs no extra /token call. On by default; switch:
/// Auth:Jwt:SetJwtHeaderOnGetSession. Without an active signing key the header is simply left out:
/// get-session itself must not fail because of tokens.
/// </summary>
public sealed class SessionJwtHeader(AccessTokenIssuer issuer, IOptions<JwtOptions> options)
{
    public const string HeaderName = "set-auth-jwt";

    private readonly bool _enabled = options.Value.SetJwtHeaderOnGetSession;

    public void Apply(HttpResponse response, CurrentSession session)
    {
        if (_enabled && issuer.Issue(session) is { } jwt)
        {
            response.Headers[HeaderName] = jwt;
        }
    }
}
