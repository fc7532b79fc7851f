using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}

/// <summary>Runs an operator command through the real binary, with an environment of its own.</summary>
public static class OperatorCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>A configuration the service accepts, on the given database.</summary>
    public static Dictionary<string, string?> GoodEnvironment(string connectionString) => new()
    {
        ["DATABASE_URL"] = connectionString,
        ["AUTH_SECRET"] = TestSettings.Secret,
        ["AUTH_BASE_URL"] = "http://localhost:5999",
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
    };

    public static async Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        await using var process = ServiceProcess.Start(environment, arguments);
        var exit = await process.WaitForExitAsync(Timeout);
        return new CliResult(exit, process.StandardOutput, process.StandardError);
    }

    public static async Task<CliResult> RunWithInputAsync(IReadOnlyDictionary<string, string?> environment, string input, params string[] arguments)
    {
        await using var process = ServiceProcess.StartWithInput(environment, input, arguments);
        var exit = await process.WaitForExitAsync(Timeout);
        return new CliResult(exit, process.StandardOutput, process.StandardError);
    }
}
