namespace AuthPlatform.Domain.Access;

/// <summary>
/// What a role may do, in BetterAuth's statement format: resource → actions (<c>{"member":["create","delete"]}</c>).
/// Organization roles (static and per-organization), admin roles and API-key permissions are all statements,
/// and every "may this caller do that?" is answered by <see cref="Authorizes"/>, the one evaluation of the
/// rules below, so the admin API, the organization API and has-permission can never disagree.
/// </summary>
/// <remarks>
/// BetterAuth's rules (its <c>access</c> plugin): a request is granted by a role when every requested resource is
/// granted and every action listed for it is allowed (AND); an empty request, an unknown resource or an empty
/// action list is never granted. A member with several roles is granted when any one role grants the whole request
/// (<see cref="AnyAuthorizes"/>); grants of different roles are not combined per resource.
/// </remarks>
public sealed class PermissionStatements
{
    public static readonly PermissionStatements None = new(new Dictionary<string, HashSet<string>>(StringComparer.Ordinal));

    private readonly Dictionary<string, HashSet<string>> _grants;

    private PermissionStatements(Dictionary<string, HashSet<string>> grants) => _grants = grants;

    public static PermissionStatements From(IEnumerable<KeyValuePair<string, IEnumerable<string>>> grants)
    {
        var map = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (resource, actions) in grants)
        {
            if (!map.TryGetValue(resource, out var set))
            {
                map[resource] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.UnionWith(actions);
        }

        return new PermissionStatements(map);
    }

    public static PermissionStatements From(IReadOnlyDictionary<string, string[]> grants) =>
        From(grants.Select(g => new KeyValuePair<string, IEnumerable<string>>(g.Key, g.Value)));

    /// <summary>The resources and actions granted, sorted, for answers and storage.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        _grants.OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>Both sets of grants (a per-organization role that shares a configured role's name gets both).</summary>
    public PermissionStatements Union(PermissionStatements other) =>
        From(_grants.Concat(other._grants).Select(g => new KeyValuePair<string, IEnumerable<string>>(g.Key, g.Value)));

    /// <summary>True when these statements grant the whole request (see the remarks for the rules).</summary>
    public bool Authorizes(IReadOnlyDictionary<string, string[]> request)
    {
        if (request.Count == 0)
        {
            return false;
        }

        foreach (var (resource, actions) in request)
        {
            if (actions.Length == 0 || !_grants.TryGetValue(resource, out var allowed))
            {
                return false;
            }

            foreach (var action in actions)
            {
                if (!allowed.Contains(action))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>True when any one of the roles grants the whole request (BetterAuth: roles are OR, actions AND).</summary>
    public static bool AnyAuthorizes(IEnumerable<PermissionStatements> roles, IReadOnlyDictionary<string, string[]> request) =>
        roles.Any(role => role.Authorizes(request));
}
