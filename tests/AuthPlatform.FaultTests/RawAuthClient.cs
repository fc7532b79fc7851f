using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace AuthPlatform.FaultTests;

/// <summary>One HTTP answer: status, body, and the session cookie it set (name=value), if any.</summary>
public sealed record RawAnswer(int Status, string Body, string? SessionCookie, string? RetryAfter);

/// <summary>
/// Sign-in, change-password and get-session with any password, against any of several instances, as a
/// browser on the instance's own site sends them (Origin header, cookies by hand).
/// </summary>
public sealed class RawAuthClient : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = 512 })
    {
        Timeout = TimeSpan.FromSeconds(120),
    };

    public Task<RawAnswer> SignInAsync(Uri instance, string email, string password) =>
        PostAsync(instance, "/api/auth/sign-in/email", new { email, password }, cookie: null);

    public Task<RawAnswer> ChangePasswordAsync(Uri instance, string cookie, string currentPassword, string newPassword) =>
        PostAsync(instance, "/api/auth/change-password", new { currentPassword, newPassword, revokeOtherSessions = true }, cookie);

    public Task<RawAnswer> SignUpAsync(Uri instance, string email, string password) =>
        PostAsync(instance, "/api/auth/sign-up/email", new { name = "Limit", email, password }, cookie: null);

    /// <summary>True when get-session answers with a session for this cookie.</summary>
    public async Task<bool> HasSessionAsync(Uri instance, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(instance, "/api/auth/get-session"));
        request.Headers.Add("Cookie", cookie);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, $"get-session answered {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body) is JsonObject;
    }

    public async Task<int> GetStatusAsync(Uri instance, string path)
    {
        using var response = await _http.GetAsync(new Uri(instance, path));
        return (int)response.StatusCode;
    }

    public async Task<RawAnswer> PostAsync(Uri instance, string path, object body, string? cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(instance, path)) { Content = JsonContent.Create(body) };
        request.Headers.Add("Origin", instance.GetLeftPart(UriPartial.Authority));
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var session = response.Headers.TryGetValues("Set-Cookie", out var cookies)
            ? cookies.Where(c => c.Contains(".session_token=", StringComparison.Ordinal) && !c.Contains("Max-Age=0", StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Split(';')[0]).FirstOrDefault()
            : null;
        var retryAfter = response.Headers.TryGetValues("Retry-After", out var values) ? values.First() : null;
        return new RawAnswer((int)response.StatusCode, text, session, retryAfter);
    }

    public void Dispose() => _http.Dispose();
}
