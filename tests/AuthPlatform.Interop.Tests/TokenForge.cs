using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using AuthPlatform.Infrastructure.SigningKeys;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// Builds the tokens an attacker would try. Cases that need a valid signature from an unpublished key
/// are signed with a key this class generates; others edit a real token. Nothing here reads the
/// service's private keys.
/// </summary>
public sealed class TokenForge : IDisposable
{
    private readonly ECDsa _attackerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static JsonObject Header(string token) => Decode(token.Split('.')[0]);

    public static JsonObject Payload(string token) => Decode(token.Split('.')[1]);

    /// <summary>The attacker's public key as a JWK (what a "jwk" header would carry).</summary>
    public JsonObject AttackerJwk()
    {
        var q = _attackerKey.ExportParameters(false).Q;
        return new JsonObject { ["kty"] = "EC", ["crv"] = "P-256", ["x"] = B64(q.X!), ["y"] = B64(q.Y!) };
    }

    /// <summary>Same header (alg replaced) and payload, empty signature: "alg":"none" and its case variants.</summary>
    public static string WithoutSignature(string token, string alg)
    {
        var header = Header(token);
        header["alg"] = alg;
        return Encode(header) + "." + token.Split('.')[1] + ".";
    }

    /// <summary>HS256 with the published public key (its SPKI PEM text) as the HMAC secret: the classic key-confusion attack.</summary>
    public static string Hs256WithPublicKey(string token, JsonObject publishedJwk)
    {
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(publishedJwk["x"]!.GetValue<string>()), Y = Base64Url.DecodeFromChars(publishedJwk["y"]!.GetValue<string>()) },
        });
        var secret = Encoding.ASCII.GetBytes(ecdsa.ExportSubjectPublicKeyInfoPem());
        var header = Header(token);
        header["alg"] = "HS256";
        var input = Encode(header) + "." + token.Split('.')[1];
        return input + "." + B64(HMACSHA256.HashData(secret, Encoding.ASCII.GetBytes(input)));
    }

    /// <summary>A valid ES256 signature from the attacker's key, with the given header members added.</summary>
    public string SignedByAttacker(string token, string kid, JsonObject? extraHeader = null)
    {
        var header = new JsonObject { ["alg"] = "ES256", ["kid"] = kid, ["typ"] = "at+jwt" };
        foreach (var (name, value) in extraHeader ?? [])
        {
            header[name] = value?.DeepClone();
        }

        var input = Encode(header) + "." + token.Split('.')[1];
        var signature = _attackerKey.SignData(Encoding.ASCII.GetBytes(input), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return input + "." + B64(signature);
    }

    /// <summary>One bit of one signature byte changed.</summary>
    public static string FlipSignatureByte(string token)
    {
        var parts = token.Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[signature.Length / 2] ^= 0x01;
        return parts[0] + "." + parts[1] + "." + B64(signature);
    }

    /// <summary>
    /// A token signed by the service's own in-memory signing key (as the service would sign it) with a
    /// header and claims of the test's choosing: a validly signed token that differs in one respect only.
    /// </summary>
    public static string SignWithServiceKey(JwsSigningKey key, JsonObject header, JsonObject payload)
    {
        var input = Encode(header) + "." + Encode(payload);
        var signature = new byte[key.SignatureLength];
        var written = key.Sign(Encoding.ASCII.GetBytes(input), signature);
        return input + "." + B64(signature.AsSpan(0, written).ToArray());
    }

    public void Dispose() => _attackerKey.Dispose();

    private static JsonObject Decode(string segment) => JsonNode.Parse(Base64Url.DecodeFromChars(segment))!.AsObject();

    private static string Encode(JsonObject json) => B64(Encoding.UTF8.GetBytes(json.ToJsonString()));

    private static string B64(byte[] bytes) => Base64Url.EncodeToString(bytes);
}
