using System.Globalization;
using System.Text.Json;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>Reading a provider's JSON leniently: a member of the wrong type, or of something that is not an object, counts as absent.</summary>
internal static class ProviderJson
{
    public static string? String(JsonElement element, string name) =>
        Member(element, name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    /// <summary>true, or the string "true" (some providers send email_verified as a string).</summary>
    public static bool Bool(JsonElement element, string name) =>
        Member(element, name, out var value) && (value.ValueKind == JsonValueKind.True
            || (value.ValueKind == JsonValueKind.String && string.Equals(value.GetString(), "true", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A positive integer, as a number or a string.</summary>
    public static long? Number(JsonElement element, string name) =>
        Member(element, name, out var value) switch
        {
            true when value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var n) && n > 0 => n,
            true when value.ValueKind == JsonValueKind.String && long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0 => s,
            _ => null,
        };

    /// <summary>The member <paramref name="name"/> of an object (TryGetProperty throws on anything else).</summary>
    public static bool Member(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    public static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
