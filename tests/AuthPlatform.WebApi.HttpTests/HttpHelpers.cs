using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Small helpers that speak the HTTP contract the way a frontend does, with cookies handled explicitly.</summary>
public static class HttpHelpers
{
    public const string Password = "correct horse battery staple";

    public sealed record SignedIn(string Token, string UserId, string CookieHeader, string SetCookie, HttpResponseMessage Response);

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

    private static async Task<SignedIn> ReadSignedInAsync(HttpResponseMessage response)
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

    public static Task<HttpResponseMessage> GetSessionWithCookieAsync(this HttpClient client, string cookieHeader, string query = "") =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session" + query) { Headers = { { "Cookie", cookieHeader } } });

    public static Task<HttpResponseMessage> GetSessionWithBearerAsync(this HttpClient client, string token) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Authorization", "Bearer " + token } } });

    public static async Task<JsonNode?> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync());

    public static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");

    public static string? Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(", ", values)
        : response.Content.Headers.TryGetValues(name, out var contentValues) ? string.Join(", ", contentValues)
        : null;

    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web);
}
