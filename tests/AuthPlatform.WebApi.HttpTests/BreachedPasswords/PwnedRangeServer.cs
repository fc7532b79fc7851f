using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.WebApi.HttpTests.BreachedPasswords;

/// <summary>
/// A Pwned Passwords range server on a loopback port, answering in the published format: for GET
/// /range/{PREFIX}, "SUFFIX:COUNT" lines (CRLF) for the breached passwords under that prefix, among padding
/// lines of count 0, one of them the suffix of <see cref="SafePassword"/> (a count of 0 is no breach). It
/// records every request path and its Add-Padding header.
/// </summary>
public sealed class PwnedRangeServer : IAsyncLifetime
{
    /// <summary>Breached in this server's answers, but not on the service's embedded common-password list (so only the range query can refuse it).</summary>
    public const string BreachedPassword = "purple monkey dishwasher";

    public const string SafePassword = "a passphrase nobody has leaked 8c1f";

    private WebApplication? _app;

    public ConcurrentQueue<(string Path, string? Padding)> Requests { get; } = new();

    public string RangeUrl { get; private set; } = string.Empty;

#pragma warning disable CA5350 // SHA-1 is the range protocol's index
    public static string Sha1Hex(string password) => Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(password)));
#pragma warning restore CA5350

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/range/{prefix}", (string prefix, HttpRequest request) =>
        {
            Requests.Enqueue((request.Path.Value!, request.Headers["Add-Padding"].FirstOrDefault()));
            return Results.Text(RangeOf(prefix.ToUpperInvariant()), "text/plain");
        });
        await _app.StartAsync();
        RangeUrl = _app.Urls.Single().TrimEnd('/') + "/range/";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>A service in memory with the check on against this server (or <paramref name="rangeUrl"/>).</summary>
    public AuthApiFactory Service(TestDatabase database, string? rangeUrl = null, bool failClosed = false, IReadOnlyDictionary<string, string?>? extra = null)
    {
        var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:BreachedPasswords:Enabled"] = "true";
        factory.Settings["Auth:BreachedPasswords:RangeUrl"] = rangeUrl ?? RangeUrl;
        factory.Settings["Auth:BreachedPasswords:Timeout"] = "00:00:02";
        factory.Settings["Auth:BreachedPasswords:FailClosed"] = failClosed ? "true" : "false";
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>A loopback URL where nothing listens (a port just released).</summary>
    public static string UnreachableRangeUrl()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}/range/";
    }

    private static string RangeOf(string prefix)
    {
        var lines = new List<string>();
        foreach (var (password, count) in new[] { (BreachedPassword, 42), ("password123", 2162549) })
        {
            var hash = Sha1Hex(password);
            if (hash.StartsWith(prefix, StringComparison.Ordinal))
            {
                lines.Add($"{hash[5..]}:{count}");
            }
        }

        // Padding: random suffixes with count 0, and the safe password's own suffix with count 0.
        lines.Add($"{Sha1Hex(SafePassword)[5..]}:0");
        for (var i = 0; i < 20; i++)
        {
            lines.Add($"{Convert.ToHexString(RandomNumberGenerator.GetBytes(18))[..35]}:0");
        }

        lines.Sort(StringComparer.Ordinal);
        return string.Join("\r\n", lines);
    }
}
