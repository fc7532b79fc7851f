using System.Diagnostics;
using System.Text;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// A long-running helper process (resource server, static frontend host) with its output captured;
/// killed, with its children, on dispose.
/// </summary>
public sealed class ChildProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public bool HasExited => _process.HasExited;

    public static ChildProcess Start(string file, IEnumerable<string> arguments, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        return new ChildProcess(Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start."));
    }

    /// <summary>Polls <paramref name="url"/> with <paramref name="http"/> until it answers 2xx; fails with the output otherwise.</summary>
    public async Task WaitUntilReadyAsync(HttpClient http, string url, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var lastError = "no answer yet";
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The process exited with {_process.ExitCode} before {url} answered.\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }

                lastError = $"{(int)response.StatusCode}";
            }
            catch (HttpRequestException e)
            {
                lastError = e.Message;
            }
            catch (TaskCanceledException e)
            {
                lastError = e.Message;
            }

            await Task.Delay(150);
        }

        throw new TimeoutException($"{url} did not become ready ({lastError}).\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
