namespace AuthPlatform.Application.Common.Options;

/// <summary>The OAuth 2.1 / OpenID Connect server (section "Auth:OAuth"; AUTH_OAUTH_LOGIN_PAGE). ADR 0140.</summary>
public sealed class OAuthServerOptions
{
    public const string SectionName = "Auth:OAuth";

    /// <summary>
    /// The frontend's sign-in page (BetterAuth oauth-provider's loginPage), absolute: the authorization endpoint
    /// sends a browser without a session there with <c>?callbackURL=</c> the authorization request, to come back
    /// to once signed in. Unset: such a request is answered <c>login_required</c>.
    /// </summary>
    public string? LoginPage { get; set; }
}
