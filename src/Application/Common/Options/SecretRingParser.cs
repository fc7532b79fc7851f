using System.Text.RegularExpressions;

namespace AuthPlatform.Application.Common.Options;

/// <summary>Turns AUTH_SECRET / AUTH_SECRETS into an ordered list, current secret first.</summary>
public static partial class SecretRingParser
{
    public static IReadOnlyList<string> Parse(string? secret, string? secrets)
    {
        var ring = new List<string>();
        foreach (var entry in AuthOptions.SplitList(secrets))
        {
            var value = VersionPrefix().Replace(entry, string.Empty);
            if (value.Length > 0 && !ring.Contains(value, StringComparer.Ordinal))
            {
                ring.Add(value);
            }
        }

        if (ring.Count == 0 && !string.IsNullOrWhiteSpace(secret))
        {
            ring.Add(secret.Trim());
        }

        return ring;
    }

    /// <summary>BetterAuth writes versioned secrets as "2:value"; the version is not needed here.</summary>
    [GeneratedRegex(@"^\d{1,9}:")]
    private static partial Regex VersionPrefix();
}
