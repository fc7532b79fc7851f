using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Argon2id through libsodium (NSec), stored as a PHC string:
/// <c>$argon2id$v=19$m=19456,t=2,p=1$&lt;salt&gt;$&lt;hash&gt;</c> (unpadded base64, 16-byte salt, 32-byte hash).
/// See docs/adr/0003-password-hashing.md.
/// </summary>
public sealed class Argon2idHashFormat(IOptions<PasswordHashingOptions> options) : IPasswordHashFormat
{
    private const string Prefix = "$argon2id$";
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    private readonly PasswordHashingOptions _settings = options.Value;

    public bool Recognizes(string storedHash) => storedHash.StartsWith(Prefix, StringComparison.Ordinal);

    public string Hash(string normalizedPassword)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(normalizedPassword, salt, _settings.MemoryKiB, _settings.Iterations, HashBytes);
        return string.Create(CultureInfo.InvariantCulture,
            $"$argon2id$v=19$m={_settings.MemoryKiB},t={_settings.Iterations},p=1${Encode(salt)}${Encode(hash)}");
    }

    public bool Verify(string normalizedPassword, string storedHash, out bool rehashNeeded)
    {
        rehashNeeded = false;
        if (!TryParse(storedHash, out var memory, out var iterations, out var salt, out var expected))
        {
            return false;
        }

        var actual = Derive(normalizedPassword, salt, memory, iterations, expected.Length);
        if (!CryptographicOperations.FixedTimeEquals(actual, expected))
        {
            return false;
        }

        rehashNeeded = memory != _settings.MemoryKiB || iterations != _settings.Iterations || expected.Length != HashBytes;
        return true;
    }

    private static byte[] Derive(string password, byte[] salt, int memoryKiB, int iterations, int length)
    {
        var algorithm = PasswordBasedKeyDerivationAlgorithm.Argon2id(new Argon2Parameters
        {
            DegreeOfParallelism = 1,
            MemorySize = memoryKiB,
            NumberOfPasses = iterations,
        });
        var passwordBytes = Encoding.UTF8.GetBytes(password);
        try
        {
            return algorithm.DeriveBytes(passwordBytes, salt, length);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(passwordBytes);
        }
    }

    /// <summary>Parses $argon2id$v=19$m=..,t=..,p=1$salt$hash, refusing anything out of sane bounds.</summary>
    internal static bool TryParse(string phc, out int memoryKiB, out int iterations, out byte[] salt, out byte[] hash)
    {
        memoryKiB = iterations = 0;
        salt = hash = [];
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return false;
        }

        int parallelism = 0;
        foreach (var parameter in parts[3].Split(','))
        {
            var kv = parameter.Split('=', 2);
            if (kv.Length != 2 || !int.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return false;
            }

            switch (kv[0])
            {
                case "m": memoryKiB = value; break;
                case "t": iterations = value; break;
                case "p": parallelism = value; break;
                default: return false;
            }
        }

        if (memoryKiB is < 8 or > 4 * 1024 * 1024 || iterations is < 1 or > 64 || parallelism != 1)
        {
            return false;
        }

        return TryDecode(parts[4], out salt) && salt.Length >= 8 && TryDecode(parts[5], out hash) && hash.Length is >= 16 and <= 64;
    }

    private static string Encode(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=');

    private static bool TryDecode(string text, out byte[] bytes)
    {
        bytes = [];
        var padded = text.PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=');
        var buffer = new byte[padded.Length];
        if (!Convert.TryFromBase64String(padded, buffer, out var written))
        {
            return false;
        }

        bytes = buffer[..written];
        return true;
    }
}
