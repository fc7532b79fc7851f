using System.Text.Json.Serialization;

namespace AuthPlatform.WebApi.Contracts;

/// <summary>GET /token (BetterAuth's jwt plugin shape).</summary>
public sealed record TokenResponse(string Token);

/// <summary>
/// GET /.well-known/openid-configuration: what a resource server needs to find the keys and check the
/// issuer (JwtBearer with Authority only). Member names are OpenID Connect Discovery's.
/// </summary>
public sealed record DiscoveryResponse(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("token_endpoint_auth_signing_alg_values_supported")] IReadOnlyList<string> TokenSigningAlgorithms,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypes,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> Claims);
