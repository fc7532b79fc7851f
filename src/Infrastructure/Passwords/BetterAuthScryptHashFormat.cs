using System.Security.Cryptography;
using System.Text;
using NSec.Cryptography;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Verifies password hashes imported from BetterAuth: <c>&lt;saltHex&gt;:&lt;keyHex&gt;</c>, scrypt N=16384, r=16,
/// p=1, 64-byte key. BetterAuth feeds the 32-character hex salt string itself (its UTF-8 bytes) to scrypt,
/// not the 16 bytes it encodes; NSec's scrypt wants exactly a 32-byte salt, which that string is.
/// Verify only: a match always asks for a rehash, so the user's next sign-in stores Argon2id instead.
/// </summary>
public sealed class BetterAuthScryptHashFormat : IPasswordHashFormat
{
    public const int SaltHexLength = 32;
    public const int KeyBytes = 64;

    // BetterAuth's fixed parameters (@better-auth/utils, password.node): 128 * N * r = 32 MiB per hash.
    private static readonly PasswordBasedKeyDerivationAlgorithm Scrypt = PasswordBasedKeyDerivationAlgorithm.Scrypt(new ScryptParameters
    {
        Cost = 16384,
        BlockSize = 16,
        Parallelization = 1,
    });

    public bool Recognizes(string storedHash) =>
        storedHash.Length == SaltHexLength + 1 + (KeyBytes * 2)
        && storedHash[SaltHexLength] == ':'
        && IsLowerHex(storedHash.AsSpan(0, SaltHexLength))
        && IsLowerHex(storedHash.AsSpan(SaltHexLength + 1));

    public bool Verify(string normalizedPassword, string storedHash, out bool rehashNeeded)
    {
        rehashNeeded = true;
        if (!Recognizes(storedHash))
        {
            return false;
        }

        var salt = Encoding.ASCII.GetBytes(storedHash[..SaltHexLength]);
        var expected = Convert.FromHexString(storedHash.AsSpan(SaltHexLength + 1));
        var password = Encoding.UTF8.GetBytes(normalizedPassword);
        var actual = new byte[KeyBytes];
        try
        {
            Scrypt.DeriveBytes(password, salt, actual);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(password);
            CryptographicOperations.ZeroMemory(actual);
        }
    }

    // BetterAuth writes lower-case hex (Buffer.toString("hex")); anything else is not its format.
    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }
}
