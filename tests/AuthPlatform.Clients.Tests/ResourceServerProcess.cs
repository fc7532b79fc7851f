using System.Reflection;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The sample .NET resource server (samples/dotnet-api) as a browser reaches it:
/// JwtBearer pointed at the service's issuer, CORS for the frontend's origin, and over https the test
/// certificate (Kestrel) plus the test CA and host mapping for its discovery and JWKS fetches.
/// </summary>
public static class ResourceServerProcess
{
    public static string BinaryPath
    {
        get
        {
            var configuration = typeof(ResourceServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(ServiceProcess.RepositoryRoot, "samples", "dotnet-api", "bin", configuration, "net10.0", "AuthPlatform.ResourceServer.Sample.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
        }
    }

    /// <summary>Starts it on 127.0.0.1:{port}; browsers reach it as {scheme}://{host}:{port}, returned with the process.</summary>
    public static async Task<(ChildProcess Process, string PublicUrl)> StartAsync(AuthService auth, string host, int port, string frontendOrigin, TestCertificates? certificates)
    {
        var scheme = certificates is null ? "http" : "https";
        var environment = new Dictionary<string, string>
        {
            ["RS_AUTHORITY"] = auth.PublicUrl,
            ["RS_AUDIENCE"] = auth.PublicUrl,
            ["RS_ALGORITHMS"] = "ES256",
            ["RS_CORS_ORIGINS"] = frontendOrigin,
            ["DOTNET_NOLOGO"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.AspNetCore.Authentication"] = "Information",
        };
        if (certificates is not null)
        {
            environment["Kestrel__Certificates__Default__Path"] = certificates.CertificatePath;
            environment["Kestrel__Certificates__Default__KeyPath"] = certificates.KeyPath;
            environment["RS_BACKCHANNEL_CA_FILE"] = certificates.AuthorityPath;
            environment["RS_BACKCHANNEL_RESOLVE"] = $"{new Uri(auth.PublicUrl).Host}=127.0.0.1";
        }

        var process = ChildProcess.Start("dotnet", [BinaryPath, "--urls", $"{scheme}://127.0.0.1:{port}"], Path.GetDirectoryName(BinaryPath)!, environment);
        using var http = certificates?.CreateHttpClient() ?? new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            await process.WaitUntilReadyAsync(http, $"{scheme}://127.0.0.1:{port}/healthz", TimeSpan.FromSeconds(60));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return (process, $"{scheme}://{host}:{port}");
    }
}
