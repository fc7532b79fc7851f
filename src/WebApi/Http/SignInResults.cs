using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Social;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// How a route answers a finished sign-in, the same way for every way in: the cookies through
/// <see cref="CookieResult"/>, and the body the route names for a session, or BetterAuth's
/// <c>{"twoFactorRedirect":true,"twoFactorMethods":[...]}</c> when the sign-in waits for a second factor.
/// </summary>
public static class SignInResults
{
    public static IActionResult SignedIn(this ControllerBase controller, SignInOutcome outcome, Func<AuthenticatedSession, object> body) =>
        new CookieResult(outcome.Session is { } session
                ? controller.Ok(body(session))
                : controller.Ok(new TwoFactorRedirectResponse(TwoFactorRedirect: true, outcome.SecondFactor!.Methods)))
            .SignIn(outcome);

    /// <summary>
    /// An authorization at an identity provider started (sign-in/social, link-social): its URL, in the body and,
    /// unless the caller disabled it, as Location; the state cookie binds the flow to this browser.
    /// </summary>
    public static IActionResult ProviderRedirect(this ControllerBase controller, SocialAuthorizationStarted started, bool disableRedirect)
    {
        var url = started.Url.AbsoluteUri;
        if (!disableRedirect)
        {
            controller.Response.Headers.Location = url;
        }

        return new CookieResult(controller.Ok(new SocialRedirectResponse(url, Redirect: !disableRedirect))).Set(FlowCookie.OAuthState, started.State);
    }

    /// <summary>A redirect flow (identity provider callback, email link) that may have signed the browser in.</summary>
    public static CookieResult SignedInRedirect(this ControllerBase controller, SignInOutcome? outcome, string url) =>
        new CookieResult(controller.Redirect(url)).SignIn(outcome);
}
