using System.Text.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>A token to verify, with an optional per-token algorithm list.</summary>
public sealed record TokenCase(string Name, string Token, IReadOnlyList<string>? Algorithms = null);

/// <summary>A verifier's answer for one token.</summary>
public sealed record Verdict(string Name, bool Ok, string? Code, string? Message, string? Sub, string? Sid);

/// <summary>
/// Node jose (tests/interop/node/verify.mjs) and Python PyJWT (tests/interop/python/verify.py), each run
/// once over a list of tokens against the service's JWKS URL, with issuer, audience and algorithms pinned.
/// </summary>
public static class Verifiers
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string InteropRoot => Path.Combine(ServiceProcess.RepositoryRoot, "tests", "interop");

    public static Task<IReadOnlyDictionary<string, Verdict>> JoseAsync(string jwksUrl, string issuer, IReadOnlyList<string> audience, IReadOnlyList<string> algorithms, params TokenCase[] tokens)
    {
        var directory = Path.Combine(InteropRoot, "node");
        Assert.True(Directory.Exists(Path.Combine(directory, "node_modules", "jose")),
            "jose is not installed: build/test.sh installs it (build/test.d/interop.sh), or run `npm ci` in tests/interop/node.");
        return RunAsync("node", [Path.Combine(directory, "verify.mjs")], directory, jwksUrl, issuer, audience, algorithms, tokens);
    }

    public static Task<IReadOnlyDictionary<string, Verdict>> PyJwtAsync(string jwksUrl, string issuer, IReadOnlyList<string> audience, IReadOnlyList<string> algorithms, params TokenCase[] tokens)
    {
        var directory = Path.Combine(InteropRoot, "python");
        // Debian's interpreter: it is the one with python3-jwt and python3-cryptography.
        return RunAsync("/usr/bin/python3", [Path.Combine(directory, "verify.py")], directory, jwksUrl, issuer, audience, algorithms, tokens);
    }

    private static async Task<IReadOnlyDictionary<string, Verdict>> RunAsync(string file, IReadOnlyList<string> arguments, string directory,
        string jwksUrl, string issuer, IReadOnlyList<string> audience, IReadOnlyList<string> algorithms, TokenCase[] tokens)
    {
        var input = new JsonObject
        {
            ["jwksUrl"] = jwksUrl,
            ["issuer"] = issuer,
            ["audience"] = new JsonArray(audience.Select(a => (JsonNode)a!).ToArray()),
            ["algorithms"] = new JsonArray(algorithms.Select(a => (JsonNode)a!).ToArray()),
            ["tokens"] = new JsonArray(tokens.Select(t => (JsonNode)new JsonObject
            {
                ["name"] = t.Name,
                ["token"] = t.Token,
                ["algorithms"] = t.Algorithms is null ? null : new JsonArray(t.Algorithms.Select(a => (JsonNode)a!).ToArray()),
            }).ToArray()),
        };
        var outcome = await ExternalProcess.RunAsync(file, arguments, directory, input.ToJsonString(), Timeout);
        Assert.True(outcome.ExitCode == 0, $"{file} exited {outcome.ExitCode}: {outcome.StandardError}");
        var verdicts = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonSerializer.Deserialize<Verdict>(line, Json)!)
            .ToDictionary(v => v.Name);
        Assert.Equal(tokens.Select(t => t.Name).Order(), verdicts.Keys.Order());
        return verdicts;
    }
}
