using System.Text.Json.Serialization;

namespace AuthPlatform.WebApi.OpenApi;

// Shapes of responses the service writes as precomputed bytes or anonymous objects, declared here so the
// OpenAPI document can describe them. Never instantiated.

/// <summary>A JSON Web Key Set (RFC 7517): the public keys that verify the service's JWTs.</summary>
public sealed record JsonWebKeySet([property: JsonPropertyName("keys")] IReadOnlyList<PublicJsonWebKey> Keys);

/// <summary>
/// One public key (RFC 7517/7518/8037): members by key type; never a private member. Which members go with
/// which <c>kty</c> is said by <see cref="JsonWebKeySchemaTransformer"/> (oneOf per key type).
/// </summary>
public sealed record PublicJsonWebKey(
    [property: JsonPropertyName("kty")] string Kty,
    [property: JsonPropertyName("kid")] string Kid,
    [property: JsonPropertyName("alg")] string Alg,
    [property: JsonPropertyName("use")] string Use,
    [property: JsonPropertyName("crv")] string? Crv,
    [property: JsonPropertyName("x")] string? X,
    [property: JsonPropertyName("y")] string? Y,
    [property: JsonPropertyName("n")] string? N,
    [property: JsonPropertyName("e")] string? E);
