namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The OAuth 2.1 / OpenID Connect server (section "Auth:OAuth"; AUTH_OAUTH_LOGIN_PAGE, AUTH_OAUTH_CONSENT_PAGE,
/// AUTH_OAUTH_DEVICE_PAGE). ADR 0140, 0141.
/// </summary>
public sealed class OAuthServerOptions
{
    public const string SectionName = "Auth:OAuth";

    /// <summary>
    /// The frontend's sign-in page (BetterAuth oauth-provider's loginPage), absolute: the authorization endpoint
    /// sends a browser without a session there with <c>?callbackURL=</c> the authorization request, to come back
    /// to once signed in. Unset: such a request is answered <c>login_required</c>.
    /// </summary>
    public string? LoginPage { get; set; }

    /// <summary>
    /// The frontend's consent page (BetterAuth oauth-provider's consentPage), absolute: the authorization endpoint
    /// sends a signed-in user there, with <c>?consent_code=&amp;client_id=&amp;client_name=&amp;scope=</c>, when a
    /// client that is not first-party asks for scopes the user has not granted it yet. Unset: such a request is
    /// answered <c>consent_required</c>.
    /// </summary>
    public string? ConsentPage { get; set; }

    /// <summary>
    /// The frontend's device page (RFC 8628 verification_uri), absolute: where a device tells its user to enter the
    /// user code. Unset: the device flow names the service's own verification route.
    /// </summary>
    public string? DevicePage { get; set; }
}
