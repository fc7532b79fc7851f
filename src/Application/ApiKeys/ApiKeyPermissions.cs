using System.Text.Json;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>
/// BetterAuth's statement format, <c>{"resource": ["action", ...]}</c>: a key grants what it lists; a
/// request asks for some actions on some resources and is granted only if every one is listed.
/// </summary>
public static class ApiKeyPermissions
{
    /// <summary>The statements of a JSON object, or null when it is not one (wrong shape, not JSON).</summary>
    public static Dictionary<string, HashSet<string>>? Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return Parse(document.RootElement);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static Dictionary<string, HashSet<string>>? Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var statements = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in element.EnumerateObject())
        {
            if (resource.Value.ValueKind != JsonValueKind.Array || resource.Value.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
            {
                return null;
            }

            statements[resource.Name] = resource.Value.EnumerateArray().Select(a => a.GetString()!).ToHashSet(StringComparer.Ordinal);
        }

        return statements;
    }

    /// <summary>Whether <paramref name="granted"/> lists every action <paramref name="requested"/> asks for.</summary>
    public static bool Grants(Dictionary<string, HashSet<string>>? granted, Dictionary<string, HashSet<string>> requested) =>
        granted is not null && requested.All(r => granted.TryGetValue(r.Key, out var actions) && r.Value.All(actions.Contains));
}
