using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// Everything one browser scenario needs, each on its own site: the service (its own test database),
/// the sample resource server and the demo frontend's static host. Over https all three share one leaf
/// certificate of a throwaway CA; Chromium maps their .test names to 127.0.0.1 (--host-resolver-rules).
/// </summary>
public sealed class BrowserSites : IAsyncDisposable
{
    private readonly List<IAsyncDisposable> _parts = [];
    private TestCertificates? _certificates;

    private BrowserSites()
    {
    }

    public required AuthService Auth { get; init; }

    public required string FrontendUrl { get; init; }

    public required string ResourceServerUrl { get; init; }

    public required IReadOnlyList<string> HostRules { get; init; }

    /// <param name="https">true: https://app.test, https://auth.test, https://resource.test; false: http://localhost on three ports.</param>
    /// <param name="mode">the frontend's mode: cookies or bearer.</param>
    /// <param name="authSettings">environment of the service (cookie mode, ...); AUTH_TRUSTED_ORIGINS is added.</param>
    /// <param name="authPort">the service's port, when a test must know it beforehand (a provider's redirect URI).</param>
    public static async Task<BrowserSites> StartAsync(TestDatabase database, bool https, string mode, IReadOnlyDictionary<string, string?> authSettings, int? authPort = null)
    {
        var certificates = https ? await TestCertificates.CreateAsync() : null;
        var (appHost, apiHost, rsHost) = https ? ("app.test", "auth.test", "resource.test") : ("localhost", "localhost", "localhost");
        var (appPort, apiPort, rsPort) = (PostgresCluster.FreePort(), authPort ?? PostgresCluster.FreePort(), PostgresCluster.FreePort());
        var frontendOrigin = $"{(https ? "https" : "http")}://{appHost}:{appPort}";
        var settings = new Dictionary<string, string?>(authSettings) { ["AUTH_TRUSTED_ORIGINS"] = frontendOrigin };

        var parts = new List<IAsyncDisposable>();
        try
        {
            var auth = https
                ? await AuthService.StartHttpsAsync(database.ConnectionString, apiHost, certificates!, settings, apiPort)
                : await AuthService.StartHttpAsync(database.ConnectionString, apiHost, settings, apiPort);
            parts.Add(auth);
            var (resourceServer, resourceServerUrl) = await ResourceServerProcess.StartAsync(auth, rsHost, rsPort, frontendOrigin, certificates);
            parts.Add(resourceServer);
            var (frontend, frontendUrl) = await FrontendHost.StartAsync(appHost, appPort, auth.PublicUrl, resourceServerUrl, mode, certificates);
            parts.Add(frontend);
            var sites = new BrowserSites
            {
                Auth = auth,
                FrontendUrl = frontendUrl,
                ResourceServerUrl = resourceServerUrl,
                // localhost too: the servers listen on 127.0.0.1 only, so Chromium need not try ::1 first.
                HostRules = https
                    ? ["MAP app.test 127.0.0.1", "MAP auth.test 127.0.0.1", "MAP resource.test 127.0.0.1"]
                    : ["MAP localhost 127.0.0.1"],
            };
            sites._parts.AddRange(parts);
            sites._certificates = certificates;
            return sites;
        }
        catch
        {
            foreach (var part in Enumerable.Reverse(parts))
            {
                await part.DisposeAsync();
            }

            certificates?.Dispose();
            throw;
        }
    }

    /// <summary>The output of every process of the sites, for failure messages.</summary>
    public string Logs => string.Join("\n", _parts.Select(p => p switch
    {
        AuthService a => "--- service\n" + a.Process.StandardOutput + a.Process.StandardError,
        ChildProcess c => "--- helper\n" + c.Output,
        _ => string.Empty,
    }));

    public async ValueTask DisposeAsync()
    {
        foreach (var part in Enumerable.Reverse(_parts))
        {
            await part.DisposeAsync();
        }

        _certificates?.Dispose();
    }
}
