using System.Net.Http.Json;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The real service binary over a test database, on a free loopback port, as a browser or client sees
/// it: <see cref="PublicUrl"/> is its base URL (http://localhost:port, or https://auth.test:port with
/// Kestrel serving the test certificate), the settings are environment variables as in a deployment.
/// </summary>
public sealed class AuthService : IAsyncDisposable
{
    private AuthService(ServiceProcess process, string publicUrl, HttpClient http)
    {
        Process = process;
        PublicUrl = publicUrl;
        Http = http;
    }

    public ServiceProcess Process { get; }

    /// <summary>The base URL (AUTH_BASE_URL): the origin browsers call and the JWT issuer.</summary>
    public string PublicUrl { get; }

    /// <summary>A client for the loopback address the service listens on (trusting the test CA for https).</summary>
    public HttpClient Http { get; }

    public int Port => new Uri(PublicUrl).Port;

    /// <summary>
    /// Signs a user up over HTTP and marks the address verified, as its verification link would: a scenario
    /// that adds a passkey, a second factor or a provider's account starts from such a user (the service
    /// refuses those to an unverified address), signing in rather than up.
    /// </summary>
    public async Task CreateVerifiedUserAsync(TestDatabase database, string email, string password, string name)
    {
        var response = await Http.PostAsJsonAsync("/api/auth/sign-up/email", new { name, email, password });
        Assert.True(response.IsSuccessStatusCode, $"sign-up of {email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        await database.MarkEmailVerifiedAsync(email);
    }

    /// <summary>Plain http on 127.0.0.1, base URL http://{host}:{port}.</summary>
    public static Task<AuthService> StartHttpAsync(string connectionString, string host, IReadOnlyDictionary<string, string?> settings, int? port = null) =>
        StartAsync(connectionString, "http", host, certificates: null, settings, port ?? PostgresCluster.FreePort());

    /// <summary>HTTPS on 127.0.0.1 with the test certificate, base URL https://{host}:{port}.</summary>
    public static Task<AuthService> StartHttpsAsync(string connectionString, string host, TestCertificates certificates, IReadOnlyDictionary<string, string?> settings, int? port = null) =>
        StartAsync(connectionString, "https", host, certificates, settings, port ?? PostgresCluster.FreePort());

    private static async Task<AuthService> StartAsync(string connectionString, string scheme, string host, TestCertificates? certificates, IReadOnlyDictionary<string, string?> settings, int port)
    {
        var publicUrl = $"{scheme}://{host}:{port}";
        var environment = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = connectionString,
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = publicUrl,
            ["AUTH_LOG_FORMAT"] = "json",
            ["ASPNETCORE_URLS"] = $"{scheme}://127.0.0.1:{port}",
        };
        foreach (var (key, value) in TestSettings.RaisedLimits)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        if (certificates is not null)
        {
            // Standard Kestrel configuration: a PEM certificate and key for every https endpoint.
            environment["Kestrel__Certificates__Default__Path"] = certificates.CertificatePath;
            environment["Kestrel__Certificates__Default__KeyPath"] = certificates.KeyPath;
        }

        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }

        var http = certificates?.CreateHttpClient() ?? new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        http.BaseAddress = new Uri($"{scheme}://127.0.0.1:{port}");
        var process = ServiceProcess.Start(environment);
        try
        {
            await WaitUntilReadyAsync(process, http);
        }
        catch
        {
            http.Dispose();
            await process.DisposeAsync();
            throw;
        }

        return new AuthService(process, publicUrl, http);
    }

    private static async Task WaitUntilReadyAsync(ServiceProcess process, HttpClient http)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The service exited with {process.ExitCode}.\n{process.StandardError}\n{process.StandardOutput}");
            }

            try
            {
                using var response = await http.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"The service did not become ready.\n{process.StandardError}\n{process.StandardOutput}");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
