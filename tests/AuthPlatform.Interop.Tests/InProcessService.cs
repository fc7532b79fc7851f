using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// The service in memory over the same database and secret as a running binary, so it shares that
/// binary's signing keys: with a fake clock or other JWT settings it issues tokens signed by the
/// published key that differ in exactly one claim (expired, not yet valid, another issuer or audience).
/// </summary>
public static class InProcessService
{
    public static AuthApiFactory Create(string connectionString, string baseUrl, DateTimeOffset? clock = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var factory = new AuthApiFactory(connectionString) { UseFakeClock = clock is not null };
        if (clock is { } at)
        {
            factory.Clock.SetUtcNow(at);
        }

        factory.Settings["Auth:BaseUrl"] = baseUrl;
        factory.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            factory.Settings[key] = value;
        }

        return factory;
    }

    /// <summary>Signs a new user up through <paramref name="factory"/> and returns its /token answer.</summary>
    public static async Task<string> TokenAsync(AuthApiFactory factory, string email)
    {
        var client = factory.CreatePlainClient();
        var signUp = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Forged Claims", email, password = "correct horse battery staple" });
        var body = JsonNode.Parse(await signUp.Content.ReadAsStringAsync())!;
        Assert.True(signUp.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Authorization", "Bearer " + body["token"]!.GetValue<string>() } } };
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!["token"]!.GetValue<string>();
    }
}
