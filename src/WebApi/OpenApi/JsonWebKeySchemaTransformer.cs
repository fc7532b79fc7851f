using System.Text.Json.Nodes;
using AuthPlatform.Domain.SigningKeys;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace AuthPlatform.WebApi.OpenApi;

/// <summary>
/// The schema of one published key (<see cref="PublicJsonWebKey"/>) as the JWKS writes it: <c>kty</c>,
/// <c>kid</c>, <c>alg</c> and <c>use</c> always, and the public members of its key type (RFC 7518 §6,
/// RFC 8037 §2): <c>crv</c>, <c>x</c>, <c>y</c> for EC, <c>crv</c>, <c>x</c> for OKP (Ed25519), <c>n</c>,
/// <c>e</c> for RSA. A record can only say "optional"; this says which members go with which <c>kty</c>:
/// <c>oneOf</c> one branch per key type, told apart by <c>kty</c>, each branch naming its algorithms and
/// curves. Every <see cref="SigningAlgorithm"/> is in exactly one branch (<see cref="KeyTypeOf"/>).
/// </summary>
public sealed class JsonWebKeySchemaTransformer : IOpenApiSchemaTransformer
{
    private sealed record KeyType(string Kty, string Name, string[] Members, string[] Curves);

    private static readonly KeyType Ec = new("EC", "Elliptic curve key", ["crv", "x", "y"], ["P-256", "P-384", "P-521"]);
    private static readonly KeyType Okp = new("OKP", "Octet key pair (Ed25519)", ["crv", "x"], ["Ed25519"]);
    private static readonly KeyType Rsa = new("RSA", "RSA key", ["n", "e"], []);

    private static readonly (string Name, string Description)[] Members =
    [
        ("kty", "Key type: EC, OKP or RSA."),
        ("kid", "Key id (RFC 7638 thumbprint); the kid in the header of the JWTs it verifies."),
        ("alg", "The one algorithm the key signs with."),
        ("use", "Always sig."),
        ("crv", "Curve (EC: P-256, P-384, P-521; OKP: Ed25519)."),
        ("x", "EC: x coordinate; OKP: the public key (base64url)."),
        ("y", "EC: y coordinate (base64url)."),
        ("n", "RSA: modulus (base64url)."),
        ("e", "RSA: public exponent (base64url)."),
    ];

    /// <summary>The key type a key made for <paramref name="algorithm"/> has (as SigningKeyGenerator makes it).</summary>
    private static KeyType KeyTypeOf(SigningAlgorithm algorithm) => algorithm switch
    {
        SigningAlgorithm.ES256 or SigningAlgorithm.ES384 or SigningAlgorithm.ES512 => Ec,
        SigningAlgorithm.EdDSA => Okp,
        SigningAlgorithm.PS256 or SigningAlgorithm.RS256 => Rsa,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm), algorithm, "A signing algorithm without a key type in the JWK schema."),
    };

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type != typeof(PublicJsonWebKey))
        {
            return Task.CompletedTask;
        }

        var algorithms = SigningAlgorithms.All.GroupBy(KeyTypeOf).ToList();
        schema.Type = JsonSchemaType.Object;
        schema.Description = "A public key (RFC 7517): kty, kid, alg and use, and the public members of its key type.";
        schema.Properties = Members.ToDictionary(
            m => m.Name,
            m => (IOpenApiSchema)new OpenApiSchema { Type = JsonSchemaType.String, Description = m.Description },
            StringComparer.Ordinal);
        schema.Required = new HashSet<string>(["kty", "kid", "alg", "use"], StringComparer.Ordinal);
        ((OpenApiSchema)schema.Properties["kty"]).Enum = [.. algorithms.Select(g => (JsonNode)JsonValue.Create(g.Key.Kty)!)];
        ((OpenApiSchema)schema.Properties["alg"]).Enum = [.. SigningAlgorithms.All.Select(a => (JsonNode)JsonValue.Create(a.JoseName())!)];
        ((OpenApiSchema)schema.Properties["use"]).Enum = [JsonValue.Create("sig")!];
        schema.OneOf = [.. algorithms.Select(g => (IOpenApiSchema)Branch(g.Key, [.. g.Select(a => a.JoseName())]))];
        return Task.CompletedTask;
    }

    private static OpenApiSchema Branch(KeyType type, string[] algorithms)
    {
        var properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
        {
            ["kty"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(type.Kty)!] },
            ["alg"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. algorithms.Select(a => (JsonNode)JsonValue.Create(a)!)] },
        };
        if (type.Curves.Length > 0)
        {
            properties["crv"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. type.Curves.Select(c => (JsonNode)JsonValue.Create(c)!)] };
        }

        return new OpenApiSchema
        {
            Title = type.Kty,
            Description = $"{type.Name}, for {string.Join(", ", algorithms)}.",
            Type = JsonSchemaType.Object,
            Properties = properties,
            Required = new HashSet<string>(["kty", .. type.Members], StringComparer.Ordinal),
        };
    }
}
