using System.Text.Json;
using System.Text.Json.Serialization;

namespace AuthPlatform.WebApi.Contracts;

/// <summary>The token endpoint's answer (RFC 6749 §5.1); errors are OAuth errors ({error, error_description}).</summary>
public sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("id_token")] string? IdToken);

/// <summary>The introspection endpoint's answer (RFC 7662 §2.2): {"active": false} for anything not live.</summary>
public sealed record OAuthIntrospectionResponse(
    [property: JsonPropertyName("active")] bool Active,
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("sub")] string? Subject,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("aud")] string[]? Audience,
    [property: JsonPropertyName("exp")] long? ExpiresAt,
    [property: JsonPropertyName("token_type")] string? TokenType);

/// <summary>The revocation endpoint's answer (RFC 7009 §2.2): an empty object, for a token known or not.</summary>
public sealed record OAuthRevocationResponse;

/// <summary>An OAuth error answered by one of our actions rather than by OpenIddict (RFC 6749 §5.2).</summary>
public sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string ErrorDescription);

/// <summary>The device authorization endpoint's answer (RFC 8628 §3.2).</summary>
public sealed record OAuthDeviceAuthorizationResponse(
    [property: JsonPropertyName("device_code")] string DeviceCode,
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("verification_uri")] string VerificationUri,
    [property: JsonPropertyName("verification_uri_complete")] string VerificationUriComplete,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("interval")] long? Interval);

/// <summary>What a device asks for, shown to the user who enters its user code (GET /oauth2/device).</summary>
public sealed record OAuthDeviceRequestResponse(
    [property: JsonPropertyName("user_code")] string UserCode,
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>POST /oauth2/device answered: OpenIddict answers an approval or a denial with an empty body.</summary>
public sealed record OAuthDeviceAnswerResponse;

/// <summary>POST /oauth2/consent: the user's answer to the consent page (BetterAuth's <c>accept</c>).</summary>
public sealed record OAuthConsentRequest(
    [property: JsonPropertyName("accept")] bool? Accept,
    [property: JsonPropertyName("consent_code")] string? ConsentCode);

/// <summary>Where the consent page sends the browser next (BetterAuth's <c>{redirect, url}</c>).</summary>
public sealed record OAuthConsentResponse(
    [property: JsonPropertyName("redirect")] bool Redirect,
    [property: JsonPropertyName("url")] string Url);

/// <summary>POST /oauth2/delete-consent.</summary>
public sealed record OAuthConsentIdRequest([property: JsonPropertyName("id")] string? Id);

/// <summary>POST /oauth2/update-consent, as BetterAuth's: <c>{id, update: {scopes}}</c>.</summary>
public sealed record OAuthConsentUpdateRequest(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("update")] OAuthConsentUpdate? Update);

/// <summary>What changes in a consent: the scopes it grants, all of them.</summary>
public sealed record OAuthConsentUpdate([property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes);

/// <summary>
/// POST /admin/oauth2/create-client, in RFC 7591's names (as BetterAuth's): <c>token_endpoint_auth_method</c>
/// <c>none</c> is a public client, any other a confidential one; <c>scope</c> is space-separated; <c>skip_consent</c>
/// is a first-party client.
/// </summary>
public sealed record CreateOAuthClientRequest(
    [property: JsonPropertyName("client_name")] string? ClientName,
    [property: JsonPropertyName("token_endpoint_auth_method")] string? TokenEndpointAuthMethod,
    [property: JsonPropertyName("redirect_uris")] string[]? RedirectUris,
    [property: JsonPropertyName("post_logout_redirect_uris")] string[]? PostLogoutRedirectUris,
    [property: JsonPropertyName("grant_types")] string[]? GrantTypes,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("resources")] string[]? Resources,
    [property: JsonPropertyName("skip_consent")] bool? SkipConsent,
    [property: JsonPropertyName("jwks")] JsonElement? Jwks = null);

/// <summary>The new client: its secret (confidential clients) is answered this once and stored as a digest.</summary>
public sealed record CreatedOAuthClientResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string? ClientSecret);

/// <summary>POST /admin/oauth2/delete-client.</summary>
public sealed record DeleteOAuthClientRequest([property: JsonPropertyName("client_id")] string? ClientId);

/// <summary>POST /oauth2/register: RFC 7591 client metadata (the members we take; others are ignored).</summary>
public sealed record DynamicClientRegistrationRequest(
    [property: JsonPropertyName("client_name")] string? ClientName,
    [property: JsonPropertyName("redirect_uris")] string[]? RedirectUris,
    [property: JsonPropertyName("grant_types")] string[]? GrantTypes,
    [property: JsonPropertyName("response_types")] string[]? ResponseTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string? TokenEndpointAuthMethod,
    [property: JsonPropertyName("scope")] string? Scope,
    [property: JsonPropertyName("jwks")] JsonElement? Jwks);

/// <summary>RFC 7591 §3.2.1: the client's id, its secret once (with client_secret_expires_at 0: it does not expire), and its metadata as registered.</summary>
public sealed record DynamicClientRegistrationResponse(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientSecret,
    [property: JsonPropertyName("client_id_issued_at")] long ClientIdIssuedAt,
    [property: JsonPropertyName("client_secret_expires_at"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] long? ClientSecretExpiresAt,
    [property: JsonPropertyName("client_name")] string ClientName,
    [property: JsonPropertyName("redirect_uris")] IReadOnlyList<string> RedirectUris,
    [property: JsonPropertyName("grant_types")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("response_types")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("token_endpoint_auth_method")] string TokenEndpointAuthMethod,
    [property: JsonPropertyName("scope")] string Scope);
