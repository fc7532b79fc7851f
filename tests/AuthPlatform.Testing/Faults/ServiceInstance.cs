using System.Globalization;

namespace AuthPlatform.Testing.Faults;

/// <summary>
/// The real service binary listening on its own loopback port against a given database, configured as in
/// production (JSON logs, no development defaults). Restartable on the same port after a kill.
/// </summary>
public sealed class ServiceInstance : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _environment;

    private ServiceInstance(Dictionary<string, string?> environment, int port)
    {
        _environment = environment;
        Port = port;
    }

    /// <summary>More concurrent sign-ins and sign-ups than any load sends one instance; see <see cref="StartAsync"/>.</summary>
    public const int MaxConcurrentCredentialRequests = 64;

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public ServiceProcess Process { get; private set; } = null!;

    /// <summary>Starts an instance and waits until /health/ready answers 200.</summary>
    /// <param name="settings">Extra environment variables (Database__MaxPoolSize, ...), applied last.</param>
    public static async Task<ServiceInstance> StartAsync(string databaseUrl, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var port = PostgresCluster.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["AUTH_SECRET"] = TestSettings.Secret,
            // The address the traffic uses, so the Origin a browser would send (AuthTraffic) is the base URL's.
            ["AUTH_BASE_URL"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"),
            ["DATABASE_URL"] = databaseUrl,
            ["Serilog__MinimumLevel__Default"] = "Warning",
            ["Serilog__MinimumLevel__Override__AuthPlatform"] = "Warning",

            // Loads sign in far more often than 3 times in 10 s from one address: the abuse limits are raised
            // out of the way (the limiters have tests of their own in AuthPlatform.Security.Tests).
            // The hashing queue is sized above the most credential requests any load keeps in flight per
            // instance (8 workers in the fault tests, 32 connections in the soak), so it is never full: a
            // full queue answers 503 too, and every 503 these loads see must come from the database.
            ["Auth__PasswordHashing__QueueLength"] = $"{MaxConcurrentCredentialRequests}",
        };
        foreach (var (key, value) in TestSettings.RaisedLimits)
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var instance = new ServiceInstance(environment, port);
        await instance.StartProcessAsync();
        return instance;
    }

    /// <summary>Starts the binary again on the same port (after <see cref="Kill"/> or a clean exit).</summary>
    public async Task RestartAsync()
    {
        await Process.DisposeAsync();
        await StartProcessAsync();
    }

    /// <summary>
    /// Runs an operator command (rotate-keys, doctor, ...) of the binary with this instance's configuration,
    /// as an operator would next to it; returns its exit code and output.
    /// </summary>
    public async Task<(int ExitCode, string Output, string Errors)> RunCommandAsync(params string[] arguments)
    {
        await using var command = ServiceProcess.Start(_environment, arguments);
        var exitCode = await command.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (exitCode, command.StandardOutput, command.StandardError);
    }

    /// <summary>
    /// Runs an operator command with this instance's configuration in the test process (<see cref="InProcessCommand"/>):
    /// still a process other than every instance, so what it writes reaches them only through the database, at
    /// a fraction of a child process's start-up. Tests about several operators at once use <see cref="RunCommandAsync"/>.
    /// </summary>
    public Task<(int ExitCode, string Output, string Errors)> RunCommandInTestProcessAsync(params string[] arguments) =>
        InProcessCommand.RunAsync(_environment, string.Empty, TimeSpan.FromMinutes(2), arguments);

    /// <summary>kill -9: no shutdown code runs.</summary>
    public void Kill() => Process.Kill();

    public async ValueTask DisposeAsync() => await Process.DisposeAsync();

    private async Task StartProcessAsync()
    {
        Process = ServiceProcess.Start(_environment, "--urls", string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"));
        try
        {
            await Process.WaitUntilReadyAsync(new Uri(BaseAddress, "/health/ready").ToString(), TimeSpan.FromSeconds(90));
        }
        catch
        {
            await Process.DisposeAsync(); // never leave a process behind that nobody will stop
            throw;
        }
    }
}
