using System.Collections.Frozen;
using System.Reflection;
using System.Text;

namespace AuthPlatform.WebApi.OperatorConsole;

/// <summary>
/// The console's files, embedded in the assembly and read once: a closed set of names, so nothing outside it can be
/// asked for (no directory listing, no path walking). The page learns the API's base path from a meta tag written
/// here, never from an inline script (the console's policy forbids those).
/// </summary>
public sealed class ConsoleAssets
{
    private const string ResourcePrefix = "console/";
    private const string BasePathPlaceholder = "{{AUTH_BASE_PATH}}";

    private readonly FrozenDictionary<string, Asset> _assets;

    public ConsoleAssets(string authBasePath)
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var name = resource[ResourcePrefix.Length..];
            var content = Read(assembly, resource);
            if (name == "index.html")
            {
                content = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(content)
                    .Replace(BasePathPlaceholder, System.Net.WebUtility.HtmlEncode(authBasePath), StringComparison.Ordinal));
            }

            assets[name] = new Asset(content, ContentTypeOf(name));
        }

        _assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
    }

    public sealed record Asset(byte[] Content, string ContentType);

    /// <summary>The file named <paramref name="name"/> (index.html for the console's root), or null.</summary>
    public Asset? Find(string? name) => _assets.GetValueOrDefault(string.IsNullOrEmpty(name) ? "index.html" : name);

    private static byte[] Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string ContentTypeOf(string name) => Path.GetExtension(name) switch
    {
        ".html" => "text/html; charset=utf-8",
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        _ => "application/octet-stream",
    };
}
