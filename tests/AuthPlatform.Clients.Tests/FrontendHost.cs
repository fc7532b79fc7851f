using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>The demo frontend (samples/demo-frontend) served by its own Node static host, serve.mjs.</summary>
public static class FrontendHost
{
    public static string Directory => Path.Combine(ServiceProcess.RepositoryRoot, "samples", "demo-frontend");

    /// <summary>Serves on 127.0.0.1:{port}; browsers reach it as {scheme}://{host}:{port}, returned with the process.</summary>
    public static async Task<(ChildProcess Process, string PublicUrl)> StartAsync(string host, int port, string apiUrl, string resourceServerUrl, string mode, TestCertificates? certificates)
    {
        var arguments = new List<string>
        {
            Path.Combine(Directory, "serve.mjs"), "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--api", apiUrl, "--resource-server", resourceServerUrl, "--mode", mode,
            "--ttl", "900", // exits by itself should a test run be killed
        };
        if (certificates is not null)
        {
            arguments.AddRange(["--cert", certificates.CertificatePath, "--key", certificates.KeyPath]);
        }

        var scheme = certificates is null ? "http" : "https";
        var process = ChildProcess.Start("node", arguments, Directory);
        using var http = certificates?.CreateHttpClient() ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await process.WaitUntilReadyAsync(http, $"{scheme}://127.0.0.1:{port}/config.json", TimeSpan.FromSeconds(30));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return (process, $"{scheme}://{host}:{port}");
    }
}
