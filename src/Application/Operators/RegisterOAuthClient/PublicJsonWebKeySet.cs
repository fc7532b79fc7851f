using System.Text.Json;

namespace AuthPlatform.Application.Operators.RegisterOAuthClient;

/// <summary>
/// A client's JSON Web Key Set for private_key_jwt (RFC 7523): at least one RSA or EC key, for signing, and public
/// only. A private member (<c>d</c>, the RSA primes) means the client's secret half was pasted in; a symmetric key
/// (<c>oct</c>) would be a shared secret stored in the clear.
/// </summary>
public static class PublicJsonWebKeySet
{
    private static readonly string[] PrivateMembers = ["d", "p", "q", "dp", "dq", "qi", "k"];

    /// <summary>What is wrong with <paramref name="json"/>, or null when it is a usable public JWKS.</summary>
    public static string? Problem(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("keys", out var keys) || keys.ValueKind != JsonValueKind.Array || keys.GetArrayLength() == 0)
            {
                return "jwks must be a JSON Web Key Set: an object with a non-empty \"keys\" array.";
            }

            foreach (var key in keys.EnumerateArray())
            {
                if (key.ValueKind != JsonValueKind.Object)
                {
                    return "Each key of jwks must be a JSON object.";
                }

                var type = key.TryGetProperty("kty", out var kty) && kty.ValueKind == JsonValueKind.String ? kty.GetString() : null;
                if (type is not ("RSA" or "EC"))
                {
                    return "Each key of jwks must be an RSA or EC key (kty).";
                }

                if (PrivateMembers.Any(member => key.TryGetProperty(member, out _)))
                {
                    return "jwks must hold public keys only: a key has a private member.";
                }

                if (key.TryGetProperty("use", out var use) && use.ValueKind == JsonValueKind.String && use.GetString() != "sig")
                {
                    return "Each key of jwks must be for signing (use \"sig\", or no use).";
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return "jwks is not valid JSON.";
        }
    }
}
