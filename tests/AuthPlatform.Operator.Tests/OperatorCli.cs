using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>What a command printed and how it exited.</summary>
public sealed record CliResult(int ExitCode, string Output, string Errors)
{
    public string All => Output + Errors;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Errors}";
}

/// <summary>
/// Runs an operator command with an environment of its own. <see cref="RunAsync"/> runs it in this process
/// (<see cref="InProcessCommand"/>: about 60 runs in this suite, each saving a .NET start-up);
/// <see cref="RunProcessAsync"/> keeps the real binary for the tests about the process itself (its exit code
/// as the shell sees it, a password piped to it). This assembly runs its tests one at a time (AssemblySetup.cs).
/// </summary>
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

    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunInProcessAsync(environment, string.Empty, arguments);

    public static Task<CliResult> RunWithInputAsync(IReadOnlyDictionary<string, string?> environment, string input, params string[] arguments) =>
        RunInProcessAsync(environment, input, arguments);

    /// <summary>The real binary as a child process.</summary>
    public static async Task<CliResult> RunProcessAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        await using var process = ServiceProcess.Start(environment, arguments);
        var exit = await process.WaitForExitAsync(Timeout);
        return new CliResult(exit, process.StandardOutput, process.StandardError);
    }

    /// <summary>The real binary as a child process, <paramref name="input"/> piped to its stdin.</summary>
    public static async Task<CliResult> RunProcessWithInputAsync(IReadOnlyDictionary<string, string?> environment, string input, params string[] arguments)
    {
        await using var process = ServiceProcess.StartWithInput(environment, input, arguments);
        var exit = await process.WaitForExitAsync(Timeout);
        return new CliResult(exit, process.StandardOutput, process.StandardError);
    }

    private static async Task<CliResult> RunInProcessAsync(IReadOnlyDictionary<string, string?> environment, string input, string[] arguments)
    {
        var (exit, output, errors) = await InProcessCommand.RunAsync(environment, input, Timeout, arguments);
        return new CliResult(exit, output, errors);
    }
}
