using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Verification;

/// <summary>
/// The secret in a reset or verification link: 256 bits from the CSPRNG, base64url (43 characters).
/// Only its SHA-256 digest is stored, so a database dump holds no usable link.
/// </summary>
public readonly struct OneTimeToken
{
    public const int RandomBytes = 32;
    public const int EncodedLength = 43;

    private OneTimeToken(string value) => Value = value;

    public string Value { get; }

    public static OneTimeToken Generate()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return new OneTimeToken(Base64Url.EncodeToString(bytes));
    }

    /// <summary>Accepts only what <see cref="Generate"/> produces; anything else cannot match a stored digest.</summary>
    public static bool TryParse(string? text, out OneTimeToken token)
    {
        token = default;
        if (text is not { Length: EncodedLength })
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        token = new OneTimeToken(text);
        return true;
    }

    /// <summary>The lookup key stored with the ticket: <see cref="OpaqueTokenDigest"/>.</summary>
    public byte[] ComputeDigest() => OpaqueTokenDigest.Of(Value);

    public override string ToString() => "OneTimeToken(***)";
}
