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
