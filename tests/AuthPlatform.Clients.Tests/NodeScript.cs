using System.Diagnostics;
using System.Text;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>Runs a Node.js script of tests/clients to completion, bounded in time, with its output captured.</summary>
public static class NodeScript
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }

    public static string ClientsRoot => Path.Combine(ServiceProcess.RepositoryRoot, "tests", "clients");

    /// <summary>Fails with the install hint when a folder's npm packages are missing.</summary>
    public static void RequirePackage(string folder, string package) =>
        Assert.True(Directory.Exists(Path.Combine(ClientsRoot, folder, "node_modules", package)),
            $"{package} is not installed in tests/clients/{folder}: build/test.sh installs it (build/test.d/clients.sh), or run `npm ci` there.");

    public static async Task<Outcome> RunAsync(string folder, string script, IReadOnlyList<string> arguments, TimeSpan timeout, string? standardInput = null)
    {
        var directory = Path.Combine(ClientsRoot, folder);
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
        };
        start.ArgumentList.Add(Path.Combine(directory, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (standardInput is not null)
        {
            await process.StandardInput.WriteAsync(standardInput);
        }

        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"node {script} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
