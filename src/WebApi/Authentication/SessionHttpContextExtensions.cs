using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.WebApi.Cookies;

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

    /// <summary>
    /// The flow cookie of a half-finished sign-in (two_factor, trust_device, passkey ceremony, OAuth state) that
    /// the route declared in <c>[AuthRoute(Reads = ...)]</c>, as the authentication handler read and checked it;
    /// null when absent or not validly signed. Asking for an undeclared one is a declaration bug.
    /// </summary>
    public static SessionToken? FlowCookie(this HttpContext context, FlowCookie cookie)
    {
        var read = context.Features.Get<FlowCookieValues>();
        if (read is null || (read.Declared & cookie) != cookie)
        {
            throw new InvalidOperationException($"{context.GetEndpoint()?.DisplayName} reads the {cookie} cookie but does not declare it in [AuthRoute(Reads = ...)].");
        }

        return read.Values.TryGetValue(cookie, out var token) ? token : null;
    }

    /// <summary>The administrator's session an impersonation holds aside (admin_session), or null when none is validly presented.</summary>
    public static SessionToken? HeldAdminSessionToken(this HttpContext context) =>
        context.RequestServices.GetRequiredService<AdminSessionCookie>().Read(context.Request);

    /// <summary>The well-formed session token a cookie carried (not a bearer header), or null: the session a new sign-in replaces.</summary>
    public static SessionToken? PresentedCookieToken(this HttpContext context) =>
        context.SessionAuthentication() is { Credential.IsCookie: true, Token: { } token } ? token : null;
}

/// <summary>The flow cookies a route declared, as read by the authentication handler (absent or badly signed ones are missing).</summary>
public sealed record FlowCookieValues(FlowCookie Declared, IReadOnlyDictionary<FlowCookie, SessionToken> Values);
