using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace AuthPlatform.Testing;

/// <summary>
/// The HTTP contract as a browser frontend on the trusted origin speaks it, cookies handled explicitly.
/// One set for every suite that talks HTTP to the service (in memory or as a process).
/// </summary>
public static class AuthApi
{
    public const string Password = "correct horse battery staple";

    /// <summary>A test-only header that plays a client with another socket address (see the security suite's host).</summary>
    public const string PeerHeader = "X-Test-Peer-Address";

    /// <summary>What sign-up or sign-in answered: the session token, the user, and the session cookie.</summary>
    /// <param name="Cookie">The session cookie as a request's Cookie header carries it (name=value).</param>
    /// <param name="SetCookie">The whole Set-Cookie header, attributes included.</param>
    public sealed record SignedIn(string Token, string UserId, string Cookie, string SetCookie, HttpResponseMessage Response);

    public static async Task<SignedIn> SignUpAsync(this HttpClient client, string email = "ann@example.com", string password = Password, string name = "Ann")
    {
        var response = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name, email, password });
        return await ReadSignedInAsync(response);
    }

    public static async Task<SignedIn> SignInAsync(this HttpClient client, string email = "ann@example.com", string password = Password, bool? rememberMe = null)
    {
        var response = await client.PostAsJsonAsync("/api/auth/sign-in/email", rememberMe is null ? new { email, password } : (object)new { email, password, rememberMe });
        return await ReadSignedInAsync(response);
    }

    /// <summary>A sign-in whose answer the test inspects itself, optionally from another client address.</summary>
    public static Task<HttpResponseMessage> PostSignInAsync(this HttpClient client, string email, string password, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in/email") { Content = JsonContent.Create(new { email, password }) };
        if (peer is not null)
        {
            request.Headers.Add(PeerHeader, peer);
        }

        return client.SendAsync(request);
    }

    public static async Task<SignedIn> ReadSignedInAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var json = JsonNode.Parse(body)!;
        var setCookie = SessionSetCookie(response) ?? throw new InvalidOperationException("no session cookie was set");
        return new SignedIn(json["token"]!.GetValue<string>(), json["user"]!["id"]!.GetValue<string>(), setCookie.Split(';')[0], setCookie, response);
    }

    /// <summary>The Set-Cookie header of the session token cookie, if any.</summary>
    public static string? SessionSetCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.FirstOrDefault(v => v.Split('=')[0].EndsWith("session_token", StringComparison.Ordinal))
            : null;

    /// <summary>A request with the session cookie and the trusted Origin, as a browser on the frontend sends it.</summary>
    public static HttpRequestMessage WithCookie(HttpMethod method, string route, string cookie, object? body = null, string? origin = TestSettings.BaseUrl)
    {
        var request = new HttpRequestMessage(method, "/api/auth/" + route);
        request.Headers.Add("Cookie", cookie);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>A request with only a bearer token (no cookie, so no origin is needed).</summary>
    public static HttpRequestMessage WithBearer(HttpMethod method, string route, string token, object? body = null)
    {
        var request = new HttpRequestMessage(method, "/api/auth/" + route);
        request.Headers.Add("Authorization", "Bearer " + token);
        if (body is not null)
        {
            request.Content = body as HttpContent ?? JsonContent.Create(body);
        }

        return request;
    }

    /// <summary>GET /get-session with the session cookie; <paramref name="query"/> starts with '?' when given.</summary>
    public static Task<HttpResponseMessage> GetSessionAsync(this HttpClient client, string cookie, string query = "") =>
        client.SendAsync(WithCookie(HttpMethod.Get, "get-session" + query, cookie, origin: null));

    public static Task<HttpResponseMessage> GetSessionWithBearerAsync(this HttpClient client, string token) =>
        client.SendAsync(WithBearer(HttpMethod.Get, "get-session", token));

    public static Task<HttpResponseMessage> ListSessionsAsync(this HttpClient client, string cookie) =>
        client.SendAsync(WithCookie(HttpMethod.Get, "list-sessions", cookie, origin: null));

    public static async Task<JsonNode?> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync());

    public static async Task<string> CodeAsync(this HttpResponseMessage response) =>
        (await response.JsonAsync())?["code"]?.GetValue<string>() ?? string.Empty;

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    /// <summary>Asserts a problem+json answer with the given status and code; returns the body.</summary>
    public static async Task<JsonNode> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonNode.Parse(body)!;
        Assert.Equal(code, json["code"]!.GetValue<string>());
        return json;
    }
}
