using System.Collections;

namespace AuthPlatform.Testing;

/// <summary>
/// Runs an operator command (rotate-keys, revoke-user-sessions, ...) in this test process through the
/// binary's entry point (Program.Main), with exactly the given environment, the binary's folder as working
/// directory, and stdin, stdout and stderr of its own: what the command reads, prints and returns is what the
/// binary would. A child process costs a .NET start-up and a JIT of the host (3 to 5 s of CPU each on two
/// cores); tests about the process itself (its exit code as the shell sees it, several operators at once)
/// start the binary with <see cref="ServiceProcess"/> instead.
/// Commands run one at a time: environment, console and working directory belong to the process.
/// </summary>
public static class InProcessCommand
{
    /// <summary>What a child process keeps of the test's own environment (as <see cref="ServiceProcess"/> does).</summary>
    private static readonly string[] Inherited = ["PATH", "HOME", "DOTNET_ROOT", "TMPDIR"];

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(
        IReadOnlyDictionary<string, string?> environment, string input, TimeSpan timeout, params string[] arguments)
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

            using var cancel = new CancellationTokenSource(timeout);
            var exit = await Program.Main([.. arguments]).WaitAsync(cancel.Token);
            return (exit, output.ToString(), errors.ToString());
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
