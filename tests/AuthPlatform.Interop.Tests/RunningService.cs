using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// The real service binary on a free loopback port over a test database, with the JWT settings a test
/// chooses. Issuer and audience are the base URL's origin unless the test sets them.
/// </summary>
public sealed class RunningService : IAsyncDisposable
{
    private readonly IReadOnlyDictionary<string, string?> _environment;

    private RunningService(ServiceProcess process, string baseUrl, IReadOnlyDictionary<string, string?> environment)
    {
        _environment = environment;
        Process = process;
        BaseUrl = baseUrl;
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public ServiceProcess Process { get; }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public string JwksUrl => BaseUrl + "/.well-known/jwks.json";

    public static async Task<RunningService> StartAsync(string connectionString, string algorithm = "ES256", IReadOnlyDictionary<string, string?>? extra = null, int? port = null)
    {
        var baseUrl = $"http://127.0.0.1:{port ?? PostgresCluster.FreePort()}";
        var environment = new Dictionary<string, string?>
        {
            ["DATABASE_URL"] = connectionString,
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = baseUrl,
            ["AUTH_JWT_ALGORITHM"] = algorithm,
            ["AUTH_LOG_FORMAT"] = "json",
            ["ASPNETCORE_URLS"] = baseUrl,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var process = ServiceProcess.Start(environment);
        try
        {
            await process.WaitUntilReadyAsync(baseUrl + "/health/ready", TimeSpan.FromSeconds(90));
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new RunningService(process, baseUrl, environment);
    }

    /// <summary>Signs a new user up and returns a token from GET /token, with the user and session ids.</summary>
    public async Task<(string Jwt, string UserId, string SessionToken)> SignUpAndGetTokenAsync(string email)
    {
        var signUp = await Http.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Interop User", email, password = "correct horse battery staple" });
        var body = JsonNode.Parse(await signUp.Content.ReadAsStringAsync())!;
        Assert.True(signUp.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        var sessionToken = body["token"]!.GetValue<string>();
        return (await GetTokenAsync(sessionToken), body["user"]!["id"]!.GetValue<string>(), sessionToken);
    }

    public async Task<string> GetTokenAsync(string sessionToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Authorization", "Bearer " + sessionToken } } };
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"/token answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }

    /// <summary>Runs an operator command (rotate-keys, ...) of the binary with this service's configuration.</summary>
    public async Task<(int ExitCode, string Output)> RunCommandAsync(params string[] arguments)
    {
        await using var command = ServiceProcess.Start(_environment, arguments);
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, command.StandardOutput + command.StandardError);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Process.DisposeAsync();
    }
}
