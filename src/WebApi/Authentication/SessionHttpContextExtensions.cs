using AuthPlatform.Application.GetSession;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>How a controller gets what the session authentication handler found for this request.</summary>
public static class SessionHttpContextExtensions
{
    /// <summary>The whole result: outcome, credential, session (get-session and the routes that allow anonymous callers).</summary>
    public static SessionAuthenticationResult SessionAuthentication(this HttpContext context) =>
        context.Features.Get<SessionAuthenticationResult>() ?? SessionAuthenticationResult.NotRead;

    /// <summary>
    /// The live session of an [Authorize] route. The authorization middleware has already answered 401 when
    /// there is none, so its absence here is a declaration bug (the route lacks [Authorize]).
    /// </summary>
    public static CurrentSession CurrentSession(this HttpContext context) =>
        context.SessionAuthentication().Session
        ?? throw new InvalidOperationException($"{context.GetEndpoint()?.DisplayName} reads the current session but does not declare [Authorize].");

    /// <summary>The well-formed session token a cookie carried (not a bearer header), or null: the session a new sign-in replaces.</summary>
    public static SessionToken? PresentedCookieToken(this HttpContext context) =>
        context.SessionAuthentication() is { Credential.IsCookie: true, Token: { } token } ? token : null;
}
