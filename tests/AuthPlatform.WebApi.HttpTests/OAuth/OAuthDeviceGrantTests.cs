using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// The device authorization grant (RFC 8628, ADR 0142): a device gets a user code, polls while it is pending, gets
/// tokens once a signed-in user approves it, access_denied once they deny it, expired_token after its lifetime; a
/// wrong user code is refused; a client not registered for the grant gets none.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthDeviceGrantTests(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;
    private readonly CapturedLogs _logs = new();

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString)
        {
            UseFakeClock = true,
            TestServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(_logs),
        };
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_device_polls_while_pending_then_gets_tokens_for_the_user_who_approves()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("dev@example.com");
        var device = await StartAsync(clientId, "openid offline_access");
        Assert.EndsWith("/api/auth/oauth2/device", device["verification_uri"]!.GetValue<string>(), StringComparison.Ordinal);

        await AssertPollErrorAsync(clientId, device, "authorization_pending");

        var shown = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/device?user_code=" + Uri.EscapeDataString(UserCode(device)), user.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        var request = (await shown.JsonAsync())!;
        Assert.Equal(clientId, request["client_id"]!.GetValue<string>());
        Assert.Equal("TV app", request["client_name"]!.GetValue<string>());

        var approved = await AnswerAsync(user.Cookie, UserCode(device), accept: true);
        Assert.True(approved.IsSuccessStatusCode, $"{approved.StatusCode} {await approved.Content.ReadAsStringAsync()}");

        WaitInterval(device);
        var tokens = await PollAsync(clientId, device);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = (await tokens.JsonAsync())!;
        Assert.Equal(user.UserId, new JsonWebToken(body["access_token"]!.GetValue<string>()).Subject);
        Assert.NotNull(body["refresh_token"]);
        WaitInterval(device);
        await AssertPollErrorAsync(clientId, device, "invalid_grant"); // used once
    }

    [Fact]
    public async Task A_device_polling_faster_than_the_interval_gets_slow_down_then_pending_once_it_waits()
    {
        var clientId = await RegisterAsync();
        var device = await StartAsync(clientId, "openid");
        Assert.Equal(5, device["interval"]!.GetValue<long>());

        await AssertPollErrorAsync(clientId, device, "authorization_pending");
        await AssertPollErrorAsync(clientId, device, "slow_down");
        _factory.Clock.Advance(TimeSpan.FromSeconds(4));
        await AssertPollErrorAsync(clientId, device, "slow_down");

        _factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await AssertPollErrorAsync(clientId, device, "authorization_pending");
    }

    [Fact]
    public async Task A_denied_request_gets_access_denied()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("den@example.com");
        var device = await StartAsync(clientId, "openid");

        await AnswerAsync(user.Cookie, UserCode(device), accept: false);

        await AssertPollErrorAsync(clientId, device, "access_denied");
    }

    [Fact]
    public async Task An_expired_device_code_gets_expired_token_and_its_user_code_is_refused()
    {
        var clientId = await RegisterAsync();
        var device = await StartAsync(clientId, "openid");

        _factory.Clock.Advance(TimeSpan.FromSeconds(device["expires_in"]!.GetValue<long>() + 1));
        var user = await _http.SignUpAsync("exp@example.com"); // a fresh session, as answering needs

        var late = await AnswerAsync(user.Cookie, UserCode(device), accept: true);
        Assert.True(late.StatusCode == HttpStatusCode.BadRequest, $"{late.StatusCode} {_logs.AllText}");
        await AssertPollErrorAsync(clientId, device, "expired_token");
    }

    [Fact]
    public async Task A_wrong_user_code_or_answer_is_refused_and_a_signed_out_user_cannot_answer()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("wro@example.com");
        var device = await StartAsync(clientId, "openid");

        var wrong = await AnswerAsync(user.Cookie, "0000-0000-0000", accept: true);
        Assert.True(wrong.StatusCode == HttpStatusCode.BadRequest, $"{wrong.StatusCode} {_logs.AllText}");
        Assert.Equal("invalid_grant", (await wrong.JsonAsync())!["error"]!.GetValue<string>());
        var shown = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/device?user_code=nonsense", user.Cookie, origin: null));
        Assert.True(shown.StatusCode == HttpStatusCode.BadRequest, $"{shown.StatusCode} {_logs.AllText}");
        var maybe = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/device", user.Cookie,
            new FormUrlEncodedContent([new("user_code", UserCode(device)), new("accept", "maybe")])));
        Assert.Equal(HttpStatusCode.BadRequest, maybe.StatusCode);
        var signedOut = await _http.PostAsync("/api/auth/oauth2/device",
            new FormUrlEncodedContent([new("user_code", UserCode(device)), new("accept", "true")]));
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);

        await AssertPollErrorAsync(clientId, device, "authorization_pending"); // none of these answered it
    }

    [Fact]
    public async Task A_client_not_registered_for_the_device_grant_gets_no_device_code()
    {
        var clientId = (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.AuthorizationCode], firstParty: true)).ClientId;

        var response = await _http.PostAsync("/api/auth/oauth2/device-authorization",
            new FormUrlEncodedContent([new("client_id", clientId), new("scope", "openid")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("unauthorized_client", (await response.JsonAsync())!["error"]!.GetValue<string>());
    }

    private async Task<string> RegisterAsync() =>
        (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.DeviceCodeShort, RegisterOAuthClientCommand.RefreshToken], name: "TV app")).ClientId;

    private async Task<JsonNode> StartAsync(string clientId, string scope)
    {
        var response = await _http.PostAsync("/api/auth/oauth2/device-authorization",
            new FormUrlEncodedContent([new("client_id", clientId), new("scope", scope)]));
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync())!;
    }

    /// <summary>A well-behaved device waits the interval between two polls (RFC 8628 3.5).</summary>
    private void WaitInterval(JsonNode device) => _factory.Clock.Advance(TimeSpan.FromSeconds(device["interval"]!.GetValue<long>()));

    private static string UserCode(JsonNode device) => device["user_code"]!.GetValue<string>();

    private Task<HttpResponseMessage> AnswerAsync(string cookie, string userCode, bool accept) =>
        _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/device", cookie,
            new FormUrlEncodedContent([new("user_code", userCode), new("accept", accept ? "true" : "false")])));

    private Task<HttpResponseMessage> PollAsync(string clientId, JsonNode device) =>
        _http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent([
            new("grant_type", RegisterOAuthClientCommand.DeviceCode), new("device_code", device["device_code"]!.GetValue<string>()), new("client_id", clientId)]));

    private async Task AssertPollErrorAsync(string clientId, JsonNode device, string error)
    {
        var response = await PollAsync(clientId, device);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, (await response.JsonAsync())!["error"]!.GetValue<string>());
    }
}
