using System.Globalization;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Sane bounds for scrypt's cost parameters, checked on scrypt hashes that carry them: the PHC form
/// <c>$scrypt$ln=14,r=8,p=1$salt$hash</c> (N = 2^ln). BetterAuth's own format fixes N=16384, r=16, p=1
/// (<see cref="BetterAuthScryptHashFormat"/>) and carries none, so only other encodings get here; they are
/// not verified by this service either way, but an absurd one is reported as such, with its parameters.
/// </summary>
public static class ScryptCostBounds
{
    /// <summary>2^20: 1 GiB of memory at r=8. More is a denial of service, not a password hash.</summary>
    public const int MaxLog2Cost = 20;

    public const int MaxBlockSize = 32;

    public const int MaxParallelization = 16;

    public static string? ProblemWith(string storedHash)
    {
        if (!storedHash.StartsWith("$scrypt$", StringComparison.Ordinal))
        {
            return null;
        }

        var parts = storedHash.Split('$');
        var values = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var parameter in parts.Length > 2 ? parts[2].Split(',') : [])
        {
            var kv = parameter.Split('=', 2);
            if (kv.Length == 2 && long.TryParse(kv[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                values[kv[0]] = value;
            }
        }

        if (!values.TryGetValue("ln", out var ln) || !values.TryGetValue("r", out var r) || !values.TryGetValue("p", out var p))
        {
            return "scrypt hash without readable ln, r and p parameters";
        }

        if (ln is < 10 or > MaxLog2Cost || r is < 1 or > MaxBlockSize || p is < 1 or > MaxParallelization)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"scrypt N=2^{ln}, r={r}, p={p} is outside sane bounds (N 2^10..2^{MaxLog2Cost}, r 1..{MaxBlockSize}, p 1..{MaxParallelization})");
        }

        return null;
    }
}
