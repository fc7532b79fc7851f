namespace AuthPlatform.Domain.Access;

/// <summary>
/// Several roles are stored as one comma-separated string (<c>"admin,owner"</c>), as BetterAuth stores them for
/// users and organization members (and the team ids of an invitation). This is the one place that reads and writes
/// that form.
/// </summary>
public static class RoleNames
{
    /// <summary>The names in a stored role string: split on commas, trimmed, empties dropped, duplicates removed.</summary>
    public static IReadOnlyList<string> Parse(string? roles) =>
        string.IsNullOrWhiteSpace(roles)
            ? []
            : roles.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Distinct(StringComparer.Ordinal)
                .ToArray();

    /// <summary>The stored form of a list of names (input may be a string or an array, as BetterAuth accepts).</summary>
    public static string Join(IEnumerable<string> names) =>
        string.Join(',', names.SelectMany(n => Parse(n)).Distinct(StringComparer.Ordinal));
}
