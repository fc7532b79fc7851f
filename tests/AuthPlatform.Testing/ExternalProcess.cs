using System.Diagnostics;
using System.Text;

namespace AuthPlatform.Testing;

/// <summary>
/// Runs a helper program (node, python, npm) to completion with its output captured and, optionally,
/// something on stdin; bounded in time, so a hung helper fails its test instead of the whole run.
/// </summary>
public static class ExternalProcess
{
    public sealed record Outcome(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{StandardOutput}\n--- stderr\n{StandardError}";
    }

    public static Task<Outcome> RunAsync(
        string file,
        IReadOnlyList<string> arguments,
        string workingDirectory,
        string? input,
        TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return RunAsync(start, input, timeout);
    }

    public static async Task<Outcome> RunAsync(ProcessStartInfo start, string? input, TimeSpan timeout)
    {
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.StandardInputEncoding = new UTF8Encoding(false);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
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
            throw new TimeoutException($"{start.FileName} did not finish within {timeout}:\n{await stdout}\n{await stderr}");
        }

        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}
