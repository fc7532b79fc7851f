using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace AuthPlatform.Testing;

/// <summary>
/// A real SMTP server for tests: MailDev (npm, installed by build/test.d/mail.sh into tests/maildev),
/// on free loopback ports, with its REST API to read what arrived. It can be stopped and started again
/// on the same port, to play a mail-server outage.
/// </summary>
public sealed partial class MailCatcher : IAsyncDisposable
{
    private readonly HttpClient _api;
    private Process? _process;

    private MailCatcher(int smtpPort, int webPort)
    {
        SmtpPort = smtpPort;
        WebPort = webPort;
        _api = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{webPort}/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int SmtpPort { get; }

    public int WebPort { get; }

    public static async Task<MailCatcher> StartAsync()
    {
        var catcher = new MailCatcher(PostgresCluster.FreePort(), PostgresCluster.FreePort());
        await catcher.StartAgainAsync();
        return catcher;
    }

    /// <summary>The service's settings for sending here: plain SMTP (a local catcher), fast polling and retries.</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings => new Dictionary<string, string?>
    {
        ["Auth:Smtp:Host"] = "127.0.0.1",
        ["Auth:Smtp:Port"] = SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Auth:Smtp:Tls"] = "None",
        ["Auth:Smtp:From"] = "AuthPlatform <no-reply@example.com>",
        ["Auth:Smtp:PollInterval"] = "00:00:00.200",
        ["Auth:Smtp:RetryFirstDelay"] = "00:00:00.200",
        ["Auth:Smtp:RetryMaxDelay"] = "00:00:01",
        ["Auth:Smtp:Timeout"] = "00:00:05",
    };

    public async Task StartAgainAsync()
    {
        var script = Path.Combine(ServiceProcess.RepositoryRoot, "tests", "maildev", "node_modules", "maildev", "dist", "bin", "maildev.js");
        if (!File.Exists(script))
        {
            throw new FileNotFoundException("MailDev is not installed: run build/test.sh (build/test.d/mail.sh installs it).", script);
        }

        var start = new ProcessStartInfo("node")
        {
            ArgumentList = { script, "--smtp", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--ip", "127.0.0.1",
                "--web", WebPort.ToString(System.Globalization.CultureInfo.InvariantCulture), "--web-ip", "127.0.0.1", "--silent" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"MailDev exited with code {_process.ExitCode}");
            }

            try
            {
                using var response = await _api.GetAsync("api/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("MailDev did not start within 60 s.");
    }

    /// <summary>Stops the SMTP server (its inbox goes with it): the service's deliveries now fail.</summary>
    public async Task StopAsync()
    {
        if (_process is { } process)
        {
            _process = null;
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
            process.Dispose();
        }
    }

    public async Task<IReadOnlyList<ReceivedMail>> MessagesAsync() =>
        await _api.GetFromJsonAsync<List<ReceivedMail>>("api/email") ?? [];

    /// <summary>Waits until at least <paramref name="count"/> messages to <paramref name="to"/> (or to anyone) have arrived.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count = 1, string? to = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = (await MessagesAsync()).Where(m => to is null || m.Recipients.Contains(to, StringComparer.OrdinalIgnoreCase)).ToList();
            if (messages.Count >= count || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _api.Dispose();
    }

    public sealed class ReceivedMail
    {
        public string Id { get; init; } = string.Empty;

        public string Subject { get; init; } = string.Empty;

        public string? Text { get; init; }

        public string? Html { get; init; }

        [JsonPropertyName("envelope")]
        public Envelope? Envelope { get; init; }

        public IReadOnlyList<string> Recipients => Envelope?.To.Select(t => t.Address).ToList() ?? [];

        /// <summary>The first link to the auth service in the plain-text body.</summary>
        public string Link => LinkPattern().Match(Text ?? string.Empty) is { Success: true } match
            ? match.Value
            : throw new InvalidOperationException("The mail holds no link.");
    }

    public sealed class Envelope
    {
        public List<EnvelopeAddress> To { get; init; } = [];
    }

    public sealed class EnvelopeAddress
    {
        public string Address { get; init; } = string.Empty;
    }

    [GeneratedRegex(@"https?://\S+/api/auth/\S+")]
    private static partial Regex LinkPattern();
}
