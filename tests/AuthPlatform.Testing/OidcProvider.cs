using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;

namespace AuthPlatform.Testing;

/// <summary>
/// A real OpenID Connect provider for tests: oidc-provider (npm, installed by build/test.d/oidc-provider.sh
/// into tests/oidc-provider) on a free loopback port, with one confidential client whose redirect URIs are
/// the service's callbacks. Tests drive its login non-interactively (<see cref="AuthorizeAsync"/>: follow
/// the authorize URL, sign in as an account whose claims the test chooses, come back with the redirect to
/// the callback) and switch faults on through its admin endpoint (<see cref="SetFaultsAsync"/>).
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "authplatform";
    public const string ClientSecret = "authplatform-test-client-secret-0123456789";

    private readonly HttpClient _admin;
    private Process? _process;

    private OidcProvider(int port)
    {
        Port = port;
        _admin = new HttpClient { BaseAddress = new Uri(Issuer + "/"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public int Port { get; }

    /// <summary>The provider's issuer; its discovery document is under /.well-known/openid-configuration.</summary>
    public string Issuer => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";

    public string DiscoveryUrl => Issuer + "/.well-known/openid-configuration";

    /// <summary>Starts a provider that accepts <paramref name="redirectUris"/> (exact match) for its client.</summary>
    public static async Task<OidcProvider> StartAsync(params string[] redirectUris)
    {
        var provider = new OidcProvider(PostgresCluster.FreePort());
        await provider.StartProcessAsync(redirectUris);
        return provider;
    }

    /// <summary>The service's settings for a generic provider named <paramref name="providerId"/> pointing here.</summary>
    public IReadOnlyDictionary<string, string?> ServiceSettings(string providerId = "test") => new Dictionary<string, string?>
    {
        [$"Auth:Social:Providers:{providerId}:DiscoveryUrl"] = DiscoveryUrl,
        [$"Auth:Social:Providers:{providerId}:ClientId"] = ClientId,
        [$"Auth:Social:Providers:{providerId}:ClientSecret"] = ClientSecret,
        [$"Auth:Social:Providers:{providerId}:Scopes"] = "openid,email,profile",
        [$"Auth:Social:Providers:{providerId}:RequireHttps"] = "false",
    };

    private async Task StartProcessAsync(IEnumerable<string> redirectUris)
    {
        var directory = Path.Combine(ServiceProcess.RepositoryRoot, "tests", "oidc-provider");
        if (!File.Exists(Path.Combine(directory, "node_modules", "oidc-provider", "package.json")))
        {
            throw new FileNotFoundException("oidc-provider is not installed: run build/test.sh (build/test.d/oidc-provider.sh installs it).", directory);
        }

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = directory,
            ArgumentList = { "server.mjs", "--port", Port.ToString(CultureInfo.InvariantCulture), "--client-id", ClientId, "--client-secret", ClientSecret },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var uri in redirectUris)
        {
            start.ArgumentList.Add("--redirect-uri");
            start.ArgumentList.Add(uri);
        }

        _process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        _process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"oidc-provider exited with code {_process.ExitCode}: {output}");
            }

            try
            {
                using var response = await _admin.GetAsync("admin/health");
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

        throw new TimeoutException("oidc-provider did not start within 60 s.");
    }

    /// <summary>
    /// Faults until the next call: <c>tokenStatus</c> (the token endpoint answers that status),
    /// <c>idTokenAudience</c> (a string or an array) / <c>idTokenNonce</c> / <c>idTokenAzp</c> (the ID token is
    /// re-signed with that claim; an azp of null removes it), <c>responseIss</c> / <c>omitResponseIss</c> (the
    /// authorization response's RFC 9207 <c>iss</c> is replaced or left out), <c>issParameterSupported</c>
    /// (false: discovery says the response carries no <c>iss</c>), <c>codeTtlSeconds</c>,
    /// <c>accessTokenTtlSeconds</c>, <c>userinfoStatus</c>. No argument clears them.
    /// </summary>
    public async Task SetFaultsAsync(object? faults = null)
    {
        using var response = await _admin.PostAsJsonAsync("admin/faults", faults ?? new { });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Every token the provider has issued so far (access, refresh and ID tokens).</summary>
    public async Task<IReadOnlyList<string>> IssuedTokensAsync()
    {
        var responses = await _admin.GetFromJsonAsync<List<Dictionary<string, string?>>>("admin/issued") ?? [];
        return responses.SelectMany(r => r.Values).OfType<string>().Where(t => t.Length > 0).Distinct().ToList();
    }

    /// <summary>The account a test signs in as at the provider, with the claims it chooses.</summary>
    public sealed record Account(string Sub, string? Email, bool EmailVerified = true, string? Name = null);

    /// <summary>
    /// A browser at the provider: follows <paramref name="authorizeUrl"/>, signs in as <paramref name="account"/>
    /// and grants the scopes, and returns the URL the provider finally redirects to (the service's callback
    /// with code, state and iss, or with an error).
    /// </summary>
    public async Task<Uri> AuthorizeAsync(string authorizeUrl, Account account)
    {
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer(), UseCookies = true })
        {
            Timeout = TimeSpan.FromSeconds(20),
        };

        var next = new Uri(authorizeUrl);
        for (var hop = 0; hop < 10; hop++)
        {
            if (!next.AbsoluteUri.StartsWith(Issuer + "/", StringComparison.Ordinal))
            {
                return next; // left the provider: the redirect to the client
            }

            var target = next;
            if (next.AbsolutePath.StartsWith("/interaction/", StringComparison.Ordinal) && next.AbsolutePath.Count(c => c == '/') == 2)
            {
                var query = $"sub={Uri.EscapeDataString(account.Sub)}&email_verified={(account.EmailVerified ? "true" : "false")}"
                    + (account.Email is null ? string.Empty : $"&email={Uri.EscapeDataString(account.Email)}")
                    + (account.Name is null ? string.Empty : $"&name={Uri.EscapeDataString(account.Name)}");
                target = new Uri($"{next.GetLeftPart(UriPartial.Path)}/login?{query}");
            }

            using var response = await browser.GetAsync(target);
            if ((int)response.StatusCode is < 300 or >= 400 || response.Headers.Location is null)
            {
                throw new InvalidOperationException(
                    $"The provider answered {(int)response.StatusCode} at {target}: {await response.Content.ReadAsStringAsync()}");
            }

            next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(target, response.Headers.Location);
        }

        throw new InvalidOperationException("Too many redirects at the provider.");
    }

    public async ValueTask DisposeAsync()
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

        _admin.Dispose();
    }
}
