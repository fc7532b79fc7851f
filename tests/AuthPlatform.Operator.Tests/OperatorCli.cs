using System.Collections;
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
/// through the binary's entry point (Program.Main), with exactly that environment, the binary's folder as
/// working directory, and stdin, stdout and stderr of its own: what the command reads, prints and returns is
/// what the binary would. A child process costs a .NET start-up and a JIT of the host (1 to 3 s each, about
/// 60 runs in this suite); <see cref="RunProcessAsync"/> keeps the real binary for the tests about the process
/// itself (its exit code as the shell sees it, a password piped to it).
/// Commands run one at a time (environment, console and working directory belong to the process): this
/// assembly runs its tests one at a time anyway (AssemblySetup.cs).
/// </summary>
public static class OperatorCli
{
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>What the child process keeps of the test's own environment (as <see cref="ServiceProcess"/> does).</summary>
    private static readonly string[] Inherited = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

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
        await OneAtATime.WaitAsync();
        var savedEnvironment = Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value);
        var (savedIn, savedOut, savedError) = (Console.In, Console.Out, Console.Error);
        var savedDirectory = Environment.CurrentDirectory;
        using var output = new StringWriter();
        using var errors = new StringWriter();
        try
        {
            SetEnvironment(ChildEnvironment(savedEnvironment, environment));
            Environment.CurrentDirectory = Path.GetDirectoryName(ServiceProcess.BinaryPath)!;
            Console.SetIn(new StringReader(input));
            Console.SetOut(TextWriter.Synchronized(output));
            Console.SetError(TextWriter.Synchronized(errors));

            using var timeout = new CancellationTokenSource(Timeout);
            var exit = await Program.Main([.. arguments]).WaitAsync(timeout.Token);
            return new CliResult(exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetIn(savedIn);
            Console.SetOut(savedOut);
            Console.SetError(savedError);
            Environment.CurrentDirectory = savedDirectory;
            SetEnvironment(savedEnvironment);
            OneAtATime.Release();
        }
    }

    /// <summary>The environment <see cref="ServiceProcess"/> gives the binary, plus the name the binary has as the host's application.</summary>
    private static Dictionary<string, string?> ChildEnvironment(Dictionary<string, string?> current, IReadOnlyDictionary<string, string?> environment)
    {
        var child = Inherited.Where(current.ContainsKey).ToDictionary(name => name, name => current[name]);
        child["DOTNET_NOLOGO"] = "1";
        child["ASPNETCORE_APPLICATIONNAME"] = typeof(Program).Assembly.GetName().Name;
        foreach (var (key, value) in environment)
        {
            child[key] = value;
        }

        return child;
    }

    /// <summary>Makes the process environment exactly <paramref name="wanted"/>.</summary>
    private static void SetEnvironment(IReadOnlyDictionary<string, string?> wanted)
    {
        foreach (var name in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(n => !wanted.ContainsKey(n)).ToList())
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        foreach (var (name, value) in wanted)
        {
            Environment.SetEnvironmentVariable(name, value);
        }
    }
}
