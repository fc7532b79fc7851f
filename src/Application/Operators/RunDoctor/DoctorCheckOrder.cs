namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// The order `doctor` runs and prints its checks in: settings first, then the database, the signing keys
/// in it and what the public URL serves of them, then what depends on both. Checks are implemented in
/// three layers; their order is kept here, in one place.
/// </summary>
public static class DoctorCheckOrder
{
    public static readonly IReadOnlyList<string> Names =
    [
        "configuration", "secret", "database", "database-pool", "session-listener", "migrations", "key-encryption",
        "signing-keys", "issuer", "jwks", "clock", "cookies", "mail", "oidc-providers", "audit-trail", "resource-server",
    ];

    /// <summary>The checks in that order; a check not listed runs last.</summary>
    public static IReadOnlyList<IDoctorCheck> Sort(IEnumerable<IDoctorCheck> checks) =>
        [.. checks.OrderBy(c => Names.IndexOf(c.Name) is var i and >= 0 ? i : int.MaxValue)];

    private static int IndexOf(this IReadOnlyList<string> names, string name)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == name)
            {
                return i;
            }
        }

        return -1;
    }
}
