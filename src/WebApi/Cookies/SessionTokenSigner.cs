using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Signs session tokens for cookies and the set-auth-token header the way BetterAuth does:
/// "&lt;token&gt;.&lt;base64(HMAC-SHA256(secret, token))&gt;". Signed with the current secret; verified against
/// every configured secret, so rotating AUTH_SECRETS signs nobody out. A forged value is rejected
/// without a database round trip.
/// </summary>
public sealed class SessionTokenSigner
{
    private const int SignatureLength = 44; // base64 of 32 bytes, with padding
    private readonly byte[][] _keys;

    public SessionTokenSigner(IOptions<AuthOptions> options) =>
        _keys = options.Value.SecretRing.Select(SecretKeys.CookieSignature).ToArray();

    public string Sign(SessionToken token) => token.Value + "." + Convert.ToBase64String(Mac(_keys[0], token.Value));

    public enum Outcome
    {
        Valid,
        BadFormat,
        BadSignature,
    }

    /// <summary>Accepts "token.signature" (signature checked) or a bare token (as sent in a bearer header).</summary>
    public Outcome TryRead(ReadOnlySpan<char> value, bool signatureRequired, out SessionToken token) =>
        TryRead(value, signatureRequired, out token, out _);

    /// <param name="signedWithPreviousSecret">
    /// True when the signature verified under an older entry of AUTH_SECRETS, not the current secret: the
    /// caller re-signs the value, so that the older secret can be dropped without signing anyone out.
    /// </param>
    public Outcome TryRead(ReadOnlySpan<char> value, bool signatureRequired, out SessionToken token, out bool signedWithPreviousSecret)
    {
        token = default;
        signedWithPreviousSecret = false;
        var dot = value.LastIndexOf('.');
        if (dot < 0)
        {
            return !signatureRequired && SessionToken.TryParse(value, out token) ? Outcome.Valid : Outcome.BadFormat;
        }

        var tokenPart = value[..dot];
        var signature = value[(dot + 1)..];
        if (signature.Length != SignatureLength || !SessionToken.TryParse(tokenPart, out var parsed))
        {
            return Outcome.BadFormat;
        }

        Span<byte> given = stackalloc byte[33];
        if (!Convert.TryFromBase64Chars(signature, given, out var written) || written != 32)
        {
            return Outcome.BadFormat;
        }

        for (var i = 0; i < _keys.Length; i++)
        {
            if (CryptographicOperations.FixedTimeEquals(Mac(_keys[i], parsed.Value), given[..32]))
            {
                token = parsed;
                signedWithPreviousSecret = i > 0;
                return Outcome.Valid;
            }
        }

        return Outcome.BadSignature;
    }

    /// <summary>BetterAuth's signed cookie of any ASCII value, "value.signature" (the admin_session cookie).</summary>
    public string SignValue(string value) => value + "." + Convert.ToBase64String(Mac(_keys[0], value));

    /// <summary>The value of a <see cref="SignValue"/> result whose signature verifies under any configured secret.</summary>
    public bool TryReadValue(string cookieValue, out string value)
    {
        value = string.Empty;
        var dot = cookieValue.LastIndexOf('.');
        if (dot <= 0 || cookieValue.Length - dot - 1 != SignatureLength || !cookieValue.AsSpan(0, dot).ToString().All(char.IsAscii))
        {
            return false;
        }

        Span<byte> given = stackalloc byte[33];
        if (!Convert.TryFromBase64Chars(cookieValue.AsSpan(dot + 1), given, out var written) || written != 32)
        {
            return false;
        }

        var candidate = cookieValue[..dot];
        foreach (var key in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(Mac(key, candidate), given[..32]))
            {
                value = candidate;
                return true;
            }
        }

        return false;
    }

    private static byte[] Mac(byte[] key, string token) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(token));
}
