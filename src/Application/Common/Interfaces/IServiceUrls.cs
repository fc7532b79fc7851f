using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// The service's own URLs, absolute, on the configured base URL (Auth:BaseUrl, whose path prefixes every
/// route, as BetterAuth's baseURL does) and never on a request's Host header, so a forged Host cannot point a
/// mailed link at someone else's site. The web layer builds them from the routes themselves (ASP.NET Core's
/// LinkGenerator), so a route and the links to it cannot drift apart.
/// </summary>
public interface IServiceUrls
{
    /// <summary>The default error page of social sign-in (BetterAuth's {base}/error).</summary>
    string ErrorPage();

    /// <summary>The callback an identity provider sends the browser back to (the registered redirect URI).</summary>
    string ProviderCallback(string providerId);

    /// <summary>The mailed reset link: the route that forwards the token to <paramref name="callbackUrl"/>.</summary>
    string ResetPasswordLink(OneTimeToken token, string? callbackUrl);

    /// <summary>The mailed verification link (also completes a change of email); "/" when no callback was given, as BetterAuth.</summary>
    string VerifyEmailLink(OneTimeToken token, string? callbackUrl);

    /// <summary>
    /// The mailed magic link: GET /magic-link/verify with the token and the redirects ("/" when no callback was
    /// given, as BetterAuth, so a clicked link always ends on a page).
    /// </summary>
    string MagicLink(OneTimeToken token, string? callbackUrl, string? newUserCallbackUrl, string? errorCallbackUrl);

    /// <summary>
    /// The link of an organization invitation's mail: the inviting frontend's page (<paramref name="callbackUrl"/>,
    /// already checked against the trusted origins) with <c>invitationId=</c>, or without one GET
    /// /organization/get-invitation for it. Either way the recipient signs in to see it; the link holds no secret.
    /// </summary>
    string InvitationLink(string invitationId, string? callbackUrl);
}
