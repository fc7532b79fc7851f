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

    public string? ParameterProblem(string storedHash) =>
        Parse(storedHash, _settings, out _, out _, out _, out _);

    public bool Verify(string normalizedPassword, string storedHash, out bool rehashNeeded)
    {
        rehashNeeded = false;
        if (Parse(storedHash, _settings, out var memory, out var iterations, out var salt, out var expected) is not null)
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

    /// <summary>
    /// Parses $argon2id$v=19$m=..,t=..,p=1$salt$hash; null when it can be verified, otherwise why not.
    /// Costs above the configured maximum (<see cref="PasswordHashingOptions.MaxMemoryKiB"/>,
    /// <see cref="PasswordHashingOptions.MaxIterations"/>) are refused: verifying them would let one stored
    /// row spend gigabytes or minutes per sign-in.
    /// </summary>
    internal static string? Parse(string phc, PasswordHashingOptions limits, out int memoryKiB, out int iterations, out byte[] salt, out byte[] hash)
    {
        memoryKiB = iterations = 0;
        salt = hash = [];
        var parts = phc.Split('$');
        if (parts.Length != 6 || parts[0].Length != 0 || parts[1] != "argon2id" || parts[2] != "v=19")
        {
            return "not an Argon2id v=19 PHC string";
        }

        long m = -1, t = -1, p = -1;
        foreach (var parameter in parts[3].Split(','))
        {
            var kv = parameter.Split('=', 2);
            if (kv.Length != 2 || !long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return $"Argon2id parameter '{Shorten(parameter)}' is not a number";
            }

            switch (kv[0])
            {
                case "m": m = value; break;
                case "t": t = value; break;
                case "p": p = value; break;
                default: return $"unknown Argon2id parameter '{Shorten(kv[0])}'";
            }
        }

        if (m < 8 || m > limits.MaxMemoryKiB)
        {
            return Invariant($"Argon2id m={m} KiB is outside 8..{limits.MaxMemoryKiB} (Auth:PasswordHashing:MaxMemoryKiB)");
        }

        if (t < 1 || t > limits.MaxIterations)
        {
            return Invariant($"Argon2id t={t} is outside 1..{limits.MaxIterations} (Auth:PasswordHashing:MaxIterations)");
        }

        if (p != 1)
        {
            return Invariant($"Argon2id p={p}: only p=1 is supported");
        }

        if (!TryDecode(parts[4], out salt) || salt.Length is < 8 or > 64 || !TryDecode(parts[5], out hash) || hash.Length is < 16 or > 64)
        {
            return "Argon2id salt or hash has an invalid length or encoding";
        }

        (memoryKiB, iterations) = ((int)m, (int)t);
        return null;
    }

    private static string Shorten(string text) => text.Length <= 16 ? text : text[..16] + "...";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

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
