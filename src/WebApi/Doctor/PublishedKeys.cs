using System.Text.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.WebApi.Tokens;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// What the configured public URL serves, fetched the way a resource server does: the discovery document
/// at the origin's /.well-known/openid-configuration, then the JWKS at the jwks_uri it advertises (or,
/// without a discovery document, where this version advertises it). Fetched once per doctor run, with
/// bounded waits; each part records why it could not be read.
/// </summary>
public sealed record PublishedKeys(
    Uri DiscoveryUrl,
    string? Issuer,
    string? DiscoveryProblem,
    Uri JwksUrl,
    IReadOnlyList<string>? KeyIds,
    string? JwksProblem)
{
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The published documents, or null when doctor runs --offline or without a valid base URL.</summary>
    public static async Task<PublishedKeys?> FetchAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.Shared<PublishedKeys>() is { } fetched)
        {
            return fetched;
        }

        if (context.Offline || context.BaseUri is not { } baseUri)
        {
            return null;
        }

        var origin = OriginParser.OriginOf(baseUri);
        var discoveryUrl = new Uri(origin + DiscoveryDocument.Path);
        using var http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(5), MaxAutomaticRedirections = 3 })
        {
            Timeout = RequestTimeout,
        };

        var (discovery, discoveryProblem) = await GetJsonAsync(http, discoveryUrl, cancellationToken);
        var issuer = Text(discovery?["issuer"]);
        var jwksUrl = Uri.TryCreate(Text(discovery?["jwks_uri"]), UriKind.Absolute, out var advertised) && advertised.Scheme is "http" or "https"
            ? advertised
            : new Uri(origin + DiscoveryDocument.JwksPath);
        if (discovery is not null && advertised is null)
        {
            discoveryProblem = "it has no valid jwks_uri";
        }

        var (jwks, jwksProblem) = await GetJsonAsync(http, jwksUrl, cancellationToken);
        IReadOnlyList<string>? keyIds = null;
        if (jwks?["keys"] is JsonArray keys)
        {
            keyIds = [.. keys.Select(k => Text(k?["kid"]) ?? "(no kid)")];
        }
        else if (jwks is not null)
        {
            jwksProblem = "it answered JSON without a \"keys\" array";
        }

        return context.Share(new PublishedKeys(discoveryUrl, issuer, discoveryProblem, jwksUrl, keyIds, jwksProblem));
    }

    private static async Task<(JsonNode? Json, string? Problem)> GetJsonAsync(HttpClient http, Uri url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(url, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            return (JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, $"it is not reachable ({ex.Message})");
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (null, $"it did not answer within {RequestTimeout.TotalSeconds:0} s");
        }
        catch (JsonException)
        {
            return (null, "it did not answer JSON");
        }
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
