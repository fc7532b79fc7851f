using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// The OAuth server's grants in the audit trail: a code issued (first-party, and after consent), tokens per grant type,
/// a refresh token reused (its family revoked), a token revoked (RFC 7009), a device approved or denied; each event
/// names the user and the client, and none holds a code or a token.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthAuditTests(TestDatabase database) : IAsyncLifetime
{
    private const string ConsentPage = "https://app.example.com/consent";
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString);
        _factory.Settings["Auth:OAuth:ConsentPage"] = ConsentPage;
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Codes_tokens_refreshes_a_reuse_and_a_revocation_are_recorded_without_a_secret()
    {
        var clientId = (await _factory.RegisterOAuthClientAsync(
            [RegisterOAuthClientCommand.AuthorizationCode, RegisterOAuthClientCommand.RefreshToken], firstParty: true)).ClientId;
        var user = await _http.SignUpAsync("aud@example.com");
        var (verifier, challenge) = Pkce();

        var code = CodeFrom(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid offline_access"), user.Cookie)));
        var tokens = (await (await _http.ExchangeAsync(clientId, code, verifier)).JsonAsync())!;
        var first = tokens["refresh_token"]!.GetValue<string>();
        var refreshed = (await (await _http.RefreshAsync(clientId, first)).JsonAsync())!;
        var second = refreshed["refresh_token"]!.GetValue<string>();
        var revoked = await _http.PostAsync("/api/auth/oauth2/revoke", new FormUrlEncodedContent([new("token", second), new("client_id", clientId)]));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.RefreshAsync(clientId, first)).StatusCode);

        Assert.Equal(
        [
            $"oauth.code-issued|Success|{clientId}|{user.UserId}",
            $"oauth.tokens-issued|Success|authorization_code {clientId}|{user.UserId}",
            $"oauth.tokens-issued|Success|refresh_token {clientId}|{user.UserId}",
            $"oauth.token-revoked|Success|refresh_token {clientId}|{user.UserId}",
            $"oauth.refresh-token-reused|Failure|family_revoked {clientId}|{user.UserId}",
        ], await OAuthEventsAsync());

        var everything = await database.ScalarAsync<string>("select string_agg(audit_events::text, ' ') from audit_events");
        foreach (var secret in new[] { code, verifier, first, second, tokens["access_token"]!.GetValue<string>(), tokens["id_token"]!.GetValue<string>() })
        {
            Assert.DoesNotContain(secret, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_code_issued_after_consent_and_a_client_credentials_grant_are_recorded()
    {
        var clientId = (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.AuthorizationCode], name: "Partner app")).ClientId;
        var service = await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.ClientCredentials], type: RegisterOAuthClientCommand.Confidential);
        var user = await _http.SignUpAsync("con@example.com");
        var (_, challenge) = Pkce();

        var toConsent = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), user.Cookie));
        Assert.StartsWith(ConsentPage, toConsent.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        var consentCode = QueryHelpers.ParseQuery(toConsent.Headers.Location.Query)["consent_code"].ToString();
        var answer = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/consent", user.Cookie, new { accept = true, consent_code = consentCode }));
        CodeFrom(await _http.SendAsync(Navigate((await answer.JsonAsync())!["url"]!.GetValue<string>(), user.Cookie)));
        var granted = await _http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent([
            new("grant_type", "client_credentials"), new("client_id", service.ClientId), new("client_secret", service.ClientSecret!)]));
        Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        Assert.Equal(
        [
            $"oauth.consent-given|Success|{clientId}|{user.UserId}",
            $"oauth.code-issued|Success|{clientId}|{user.UserId}",
            $"oauth.tokens-issued|Success|client_credentials {service.ClientId}|",
        ], await OAuthEventsAsync());
    }

    [Fact]
    public async Task A_device_approved_and_its_tokens_and_a_device_denied_are_recorded()
    {
        var clientId = (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.DeviceCodeShort], name: "TV app")).ClientId;
        var user = await _http.SignUpAsync("tv@example.com");
        var approved = await StartDeviceAsync(clientId);
        var denied = await StartDeviceAsync(clientId);

        Assert.True((await AnswerDeviceAsync(user.Cookie, approved, accept: true)).IsSuccessStatusCode);
        var tokens = await _http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent([
            new("grant_type", RegisterOAuthClientCommand.DeviceCode), new("device_code", approved["device_code"]!.GetValue<string>()), new("client_id", clientId)]));
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        await AnswerDeviceAsync(user.Cookie, denied, accept: false);

        Assert.Equal(
        [
            $"oauth.device-approved|Success|{clientId}|{user.UserId}",
            $"oauth.tokens-issued|Success|device_code {clientId}|{user.UserId}",
            $"oauth.device-denied|Success|{clientId}|{user.UserId}",
        ], await OAuthEventsAsync());
    }

    private async Task<string[]> OAuthEventsAsync() =>
        (await database.ScalarAsync<string>(
            "select coalesce(string_agg(type || '|' || outcome || '|' || coalesce(reason, '') || '|' || coalesce(subject_user_id, ''), E'\\n' order by id), '') " +
            "from audit_events where type like 'oauth.%' and type <> 'oauth.client-registered'")).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private async Task<JsonNode> StartDeviceAsync(string clientId)
    {
        var response = await _http.PostAsync("/api/auth/oauth2/device-authorization",
            new FormUrlEncodedContent([new("client_id", clientId), new("scope", "openid")]));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())!;
    }

    private Task<HttpResponseMessage> AnswerDeviceAsync(string cookie, JsonNode device, bool accept) =>
        _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/device", cookie,
            new FormUrlEncodedContent([new("user_code", device["user_code"]!.GetValue<string>()), new("accept", accept ? "true" : "false")])));
}
