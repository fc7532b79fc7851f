using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.SignInPipeline;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Writes a finished sign-in into the browser, the same way for every way in: a session sets the session
/// cookie and the cookie cache, ends the two_factor cookie it completes, and (re)sets the trust_device cookie
/// when the sign-in earned one, and holds or gives back an impersonating administrator's session (admin_session); a pending second factor clears any session cookie and sets two_factor.
/// Used by <see cref="CookieResult"/> only.
/// </summary>
public sealed class SignInCookieWriter(SessionCookies sessionCookies, SessionDataCookie sessionData, FlowCookies flowCookies, AdminSessionCookie adminSession)
{
    public void Write(HttpResponse response, SignInOutcome outcome)
    {
        if (outcome.Session is { } session)
        {
            sessionCookies.Write(response, session.Token, session.Session.ExpiresAt, session.RememberMe);
            sessionData.Write(response, session.Token, new CurrentSession(session.Session, session.User, session.RememberMe));
            if (response.HttpContext.Request.Cookies.ContainsKey(flowCookies.NameOf(FlowCookie.TwoFactor)))
            {
                flowCookies.Expire(response, FlowCookie.TwoFactor);
            }
        }
        else if (outcome.SecondFactor is { } pending)
        {
            // No session exists yet: whatever session cookie the browser had is not the one it is getting.
            sessionCookies.Expire(response);
            flowCookies.Write(response, FlowCookie.TwoFactor, pending.Challenge);
        }

        // Impersonation: the administrator's own session is held aside while it lasts, and given back at its end.
        if (outcome.HoldsAdminSession is { } held)
        {
            adminSession.Write(response, held);
        }
        else if (outcome.ReleasesAdminSession)
        {
            adminSession.Expire(response);
        }

        if (outcome.TrustedDevice is { } device)
        {
            flowCookies.Write(response, FlowCookie.TrustDevice, device);
        }
    }

    /// <summary>Signed out, or the session is gone: every session cookie expires.</summary>
    public void SignOut(HttpResponse response) => sessionCookies.Expire(response);

    /// <summary>The profile changed: the cookie cache's copy expires, so the next get-session reads the store.</summary>
    public void ExpireSessionData(HttpResponse response) => sessionData.Expire(response);

    public void SetFlow(HttpResponse response, FlowCookie cookie, Domain.Sessions.SessionToken token) => flowCookies.Write(response, cookie, token);

    public void ExpireFlow(HttpResponse response, FlowCookie cookie) => flowCookies.Expire(response, cookie);
}
