namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The OAuth 2.1 / OpenID Connect server (section "Auth:OAuth"; AUTH_OAUTH_LOGIN_PAGE, AUTH_OAUTH_CONSENT_PAGE,
/// AUTH_OAUTH_DEVICE_PAGE, and dynamic client registration's AUTH_OAUTH_ALLOW_DYNAMIC_CLIENT_REGISTRATION,
/// AUTH_OAUTH_CLIENT_REGISTRATION_GRANTS, AUTH_OAUTH_CLIENT_REGISTRATION_TOKEN). ADR 0140, 0141.
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

    /// <summary>
    /// Dynamic client registration (RFC 7591) at <c>/oauth2/register</c> (BetterAuth oauth-provider's
    /// allowDynamicClientRegistration). Off by default: the route is 404 and discovery names no registration_endpoint.
    /// </summary>
    public bool AllowDynamicClientRegistration { get; set; }

    /// <summary>
    /// The grants a client may register itself for (space- or comma-separated): by default the authorization code and
    /// refresh tokens, never client credentials unless the operator adds it.
    /// </summary>
    public string ClientRegistrationGrants { get; set; } = "authorization_code refresh_token";

    /// <summary>
    /// The initial access token (RFC 7591 §3) a client presents as a bearer token to register; unset, registration is
    /// open to anyone (as the grants, scopes and consent allow). At least 32 characters.
    /// </summary>
    public string? ClientRegistrationToken { get; set; }

    /// <summary><see cref="ClientRegistrationGrants"/> as a list, the device grant by its URI.</summary>
    public IReadOnlyList<string> ClientRegistrationGrantList =>
        [.. ClientRegistrationGrants.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Operators.RegisterOAuthClient.RegisterOAuthClientCommand.Normalize).Distinct(StringComparer.Ordinal)];
}
