using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Sessions;

/// <summary>
/// The secret a client presents to prove it holds a session: 256 bits from the CSPRNG, base64url
/// (43 characters). Only its SHA-256 digest is stored, so a database dump holds no usable session.
/// Tokens imported from BetterAuth (32 characters of [A-Za-z0-9]) fit the same rules.
/// </summary>
public readonly struct SessionToken : IEquatable<SessionToken>
{
    public const int RandomBytes = 32;
    public const int MinLength = 32;
    public const int MaxLength = 128;
    public const int DigestLength = 32;

    private SessionToken(string value) => Value = value;

    public string Value { get; }

    public static SessionToken Generate()
    {
        Span<byte> bytes = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(bytes);
        return new SessionToken(Base64Url.EncodeToString(bytes));
    }

    /// <summary>Accepts only the token alphabet and length; anything else is not a token of ours.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out SessionToken token)
    {
        token = default;
        if (text.Length is < MinLength or > MaxLength)
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

        token = new SessionToken(text.ToString());
        return true;
    }

    /// <summary>The lookup key stored in sessions.token_digest (and oauth_states.state_digest): <see cref="OpaqueTokenDigest"/>.</summary>
    public byte[] ComputeDigest() => OpaqueTokenDigest.Of(Value);

    public bool Equals(SessionToken other) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Value ?? string.Empty), Encoding.ASCII.GetBytes(other.Value ?? string.Empty));

    public override bool Equals(object? obj) => obj is SessionToken other && Equals(other);

    public override int GetHashCode() => Value?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>Never print the secret: logs and exception messages get a placeholder.</summary>
    public override string ToString() => "SessionToken(***)";

    public static bool operator ==(SessionToken left, SessionToken right) => left.Equals(right);

    public static bool operator !=(SessionToken left, SessionToken right) => !left.Equals(right);
}
