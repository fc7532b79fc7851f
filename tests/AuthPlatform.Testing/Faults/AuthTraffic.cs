using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthPlatform.Testing.Faults;

/// <summary>A signed-in user as a browser holds it: the cookie header to send, and who it should be.</summary>
public sealed record Credentials(string Email, string UserId, string Token, string CookieHeader);

/// <summary>
/// Speaks the HTTP contract to one running service the way a frontend does, recording every response in a
/// <see cref="LoadRecorder"/>. Requests never wait on the client side longer than <see cref="RequestTimeout"/>,
/// so a hang shows up as a failed request, not as a stuck test.
/// </summary>
public sealed class AuthTraffic : IDisposable
{
    public const string Password = "correct horse battery staple";
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly LoadRecorder _recorder;

    public AuthTraffic(Uri baseAddress, LoadRecorder recorder)
    {
        _recorder = recorder;
        _http = new HttpClient(new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            MaxConnectionsPerServer = 256,
            ConnectTimeout = TimeSpan.FromSeconds(5),
        })
        {
            BaseAddress = baseAddress,
            Timeout = RequestTimeout,
        };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The Origin a browser on the service's own site sends with every POST (the service's base URL).</summary>
    public string Origin => BaseAddress.GetLeftPart(UriPartial.Authority);

    public async Task<Credentials?> SignUpAsync(int worker, string email, string? userAgent = null)
    {
        var request = Post("/api/auth/sign-up/email");
        request.Content = JsonContent.Create(new { name = "Load", email, password = Password });
        return await SignedInAsync("sign-up", worker, request, email, userAgent);
    }

    public async Task<Credentials?> SignInAsync(int worker, string email, string? userAgent = null)
    {
        var request = Post("/api/auth/sign-in/email");
        request.Content = JsonContent.Create(new { email, password = Password });
        return await SignedInAsync("sign-in", worker, request, email, userAgent);
    }

    public Task<LoadResult> GetSessionAsync(int worker, Credentials credentials) =>
        SendAsync("get-session", worker, WithCookie(HttpMethod.Get, "/api/auth/get-session", credentials));

    public Task<LoadResult> SignOutAsync(int worker, Credentials credentials)
    {
        var request = WithCookie(HttpMethod.Post, "/api/auth/sign-out", credentials);
        request.Content = JsonContent.Create(new { });
        return SendAsync("sign-out", worker, request);
    }

    /// <summary>GET /token (JWT issuance). Present only in builds that issue tokens; see <see cref="HasTokenEndpointAsync"/>.</summary>
    public Task<LoadResult> TokenAsync(int worker, Credentials credentials) =>
        SendAsync("token", worker, WithCookie(HttpMethod.Get, "/api/auth/token", credentials));

    /// <summary>GET /token, recorded like <see cref="TokenAsync"/>; the JWT when it answered 200, else null.</summary>
    public async Task<string?> JwtAsync(int worker, Credentials credentials)
    {
        var (result, body, _) = await ExchangeAsync("token", worker, WithCookie(HttpMethod.Get, "/api/auth/token", credentials));
        return result.Status == 200 && body is not null ? JsonNode.Parse(body)?["token"]?.GetValue<string>() : null;
    }

    /// <summary>GET /api/auth/jwks without recording: the JWKS as this instance serves it now.</summary>
    public async Task<string> JwksAsync()
    {
        using var response = await _http.GetAsync("/api/auth/jwks");
        var body = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode ? body : throw new InvalidOperationException($"GET /api/auth/jwks answered {(int)response.StatusCode}: {body}");
    }

    /// <summary>Whether this build issues JWTs: one GET /token with a live session; 404 means "not in this build".</summary>
    public async Task<bool> HasTokenEndpointAsync(Credentials credentials)
    {
        using var response = await _http.SendAsync(WithCookie(HttpMethod.Get, "/api/auth/token", credentials));
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    /// <summary>GET <paramref name="path"/> without recording (health probes, set-up checks).</summary>
    public async Task<HttpStatusCode> StatusOfAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }

    private async Task<Credentials?> SignedInAsync(string operation, int worker, HttpRequestMessage request, string email, string? userAgent)
    {
        if (userAgent is not null)
        {
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }

        var (result, body, setCookie) = await ExchangeAsync(operation, worker, request);
        if (result.Status != 200 || body is null || setCookie is null)
        {
            return null;
        }

        var json = JsonNode.Parse(body)!;
        return new Credentials(email, json["user"]!["id"]!.GetValue<string>(), json["token"]!.GetValue<string>(), setCookie.Split(';')[0]);
    }

    private async Task<LoadResult> SendAsync(string operation, int worker, HttpRequestMessage request) =>
        (await ExchangeAsync(operation, worker, request)).Result;

    private async Task<(LoadResult Result, string? Body, string? SessionSetCookie)> ExchangeAsync(string operation, int worker, HttpRequestMessage request)
    {
        var started = _recorder.Now;
        LoadResult result;
        string? body = null;
        string? setCookie = null;
        try
        {
            // The load's deadline stops new steps, never a request already sent: its answer is recorded.
            using var response = await _http.SendAsync(request, CancellationToken.None);
            body = await response.Content.ReadAsStringAsync(CancellationToken.None);
            setCookie = SessionSetCookie(response);
            var isNull = body.Trim() == "null";
            result = new LoadResult(operation, worker, started, _recorder.Now, (int)response.StatusCode, response.Headers.RetryAfter is not null,
                setCookie is not null && IsExpiring(setCookie), isNull, isNull ? null : UserIdOf(body), null);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or IOException)
        {
            result = new LoadResult(operation, worker, started, _recorder.Now, 0, false, false, false, null, ex.GetType().Name + ": " + ex.Message);
        }
        finally
        {
            request.Dispose();
        }

        _recorder.Add(result);
        return (result, body, setCookie);
    }

    private HttpRequestMessage WithCookie(HttpMethod method, string path, Credentials credentials)
    {
        var request = method == HttpMethod.Post ? Post(path) : new HttpRequestMessage(method, path);
        request.Headers.Add("Cookie", credentials.CookieHeader);
        return request;
    }

    /// <summary>A POST as a browser sends it: with Origin, which the CSRF check requires when a cookie goes along.</summary>
    private HttpRequestMessage Post(string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        request.Headers.Add("Origin", Origin);
        return request;
    }

    private static string? SessionSetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.Split('=')[0].EndsWith("session_token", StringComparison.Ordinal))
            : null;

    /// <summary>A Set-Cookie that removes the cookie: empty value, Max-Age=0 or an expiry in the past.</summary>
    private static bool IsExpiring(string setCookie)
    {
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        if (parts[0].EndsWith('='))
        {
            return true;
        }

        foreach (var part in parts.Skip(1))
        {
            if (part.StartsWith("max-age=", StringComparison.OrdinalIgnoreCase) && int.TryParse(part[8..], out var maxAge) && maxAge <= 0)
            {
                return true;
            }

            if (part.StartsWith("expires=", StringComparison.OrdinalIgnoreCase) && DateTimeOffset.TryParse(part[8..], out var expires) && expires <= DateTimeOffset.UtcNow)
            {
                return true;
            }
        }

        return false;
    }

    private static string? UserIdOf(string body)
    {
        try
        {
            return JsonNode.Parse(body)?["user"]?["id"]?.GetValue<string>();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Dispose() => _http.Dispose();
}
