namespace AuthPlatform.Domain.Organizations;

/// <summary>BetterAuth's default organization roles and their statements (its <c>access/statement</c>).</summary>
public static class DefaultOrganizationRoles
{
    public const string Owner = "owner";
    public const string Admin = "admin";
    public const string Member = "member";

    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string[]>> Statements { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string[]>>(StringComparer.Ordinal)
        {
            [Owner] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["organization"] = ["update", "delete"],
                ["member"] = ["create", "update", "delete"],
                ["invitation"] = ["create", "cancel"],
                ["team"] = ["create", "update", "delete"],
                ["ac"] = ["create", "read", "update", "delete"],
            },
            [Admin] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["organization"] = ["update"],
                ["member"] = ["create", "update", "delete"],
                ["invitation"] = ["create", "cancel"],
                ["team"] = ["create", "update", "delete"],
                ["ac"] = ["create", "read", "update", "delete"],
            },
            [Member] = new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["organization"] = [],
                ["member"] = [],
                ["invitation"] = [],
                ["team"] = [],
                ["ac"] = ["read"],
            },
        };
}
