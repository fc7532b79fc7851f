using System.Net;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// The authorization code flow with PKCE on the existing session cookie (ADR 0140), and its refusals: no session
/// (to the login page and back), a wrong or reused code, a code without its verifier or with another's, a
/// redirect URI one character off, a public client without PKCE, a reused refresh token (its family revoked).
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthAuthorizationCodeTests(TestDatabase database) : IAsyncLifetime
{
    private const string LoginPage = "https://app.example.com/sign-in";
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;
    private readonly CapturedLogs _logs = new();

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString) { TestServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(_logs) };
        _factory.Settings["Auth:OAuth:LoginPage"] = LoginPage;
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_signed_in_user_gets_a_code_then_tokens_an_id_token_with_nonce_auth_time_and_amr_and_userinfo()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("ola@example.com", name: "Ola");
        var (verifier, challenge) = Pkce();

        var code = await CodeAsync(clientId, user.Cookie, challenge, nonce: "n-0S6_WzA2Mj");
        var tokens = await _http.ExchangeAsync(clientId, code, verifier);

        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        var body = (await tokens.JsonAsync())!;
        var access = new JsonWebToken(body["access_token"]!.GetValue<string>());
        Assert.Equal("at+jwt", access.Typ);
        Assert.Equal(user.UserId, access.Subject);
        Assert.Equal(TestSettings.BaseUrl, access.Issuer);
        var id = new JsonWebToken(body["id_token"]!.GetValue<string>());
        Assert.Equal(user.UserId, id.Subject);
        Assert.Equal([clientId], id.Audiences);
        Assert.Equal("n-0S6_WzA2Mj", id.GetClaim("nonce").Value);
        Assert.True(id.TryGetPayloadValue<long>("auth_time", out var authTime) && authTime > 0);
        Assert.Contains("pwd", id.GetPayloadValue<string[]>("amr"));
        Assert.Equal("ola@example.com", id.GetClaim("email").Value);
        Assert.Null(body["refresh_token"]); // only with offline_access

        var userInfo = await _http.SendAsync(AuthApi.WithBearer(HttpMethod.Get, "oauth2/userinfo", access.EncodedToken));
        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        var info = (await userInfo.JsonAsync())!;
        Assert.Equal(user.UserId, info["sub"]!.GetValue<string>());
        Assert.Equal("Ola", info["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_id_tokens_acr_is_0_for_a_password_only_sign_in_and_the_two_factor_context_after_TOTP()
    {
        var clientId = await RegisterAsync();
        var passwordOnly = await _http.SignUpAsync("one@example.com");
        var withTotp = await _http.SignUpAsync(); // ann@example.com, whom the two-factor helpers sign in
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, _) = await TwoFactorTests.EnableAsync(_http, withTotp.Cookie);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await TwoFactorTests.PostAsync(_http, "two-factor/verify-totp",
            new { code = await TwoFactorTests.OathtoolAsync(secret, now) }, withTotp.Cookie)).StatusCode);
        var pending = await TwoFactorTests.SignInPendingAsync(_http);
        var verified = await TwoFactorTests.PostAsync(_http, "two-factor/verify-totp",
            new { code = await TwoFactorTests.OathtoolAsync(secret, now.AddSeconds(30)) }, pending);
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var twoFactorCookie = AuthApi.SessionSetCookie(verified)!.Split(';')[0];

        var single = await IdTokenAsync(clientId, passwordOnly.Cookie);
        var multi = await IdTokenAsync(clientId, twoFactorCookie);

        Assert.Equal("0", single.GetClaim("acr").Value);
        Assert.DoesNotContain("mfa", single.GetPayloadValue<string[]>("amr"));
        Assert.Equal("urn:authplatform:acr:mfa", multi.GetClaim("acr").Value);
        Assert.Equal(["otp", "mfa"], multi.GetPayloadValue<string[]>("amr").Where(m => m is "otp" or "mfa"));
    }

    [Fact]
    public async Task Without_a_session_the_browser_goes_to_the_login_page_and_back_to_the_same_request()
    {
        var clientId = await RegisterAsync();
        var (_, challenge) = Pkce();

        var response = await _http.GetAsync(AuthorizeUrl(clientId, challenge));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(LoginPage + "?callbackURL=", location.AbsoluteUri, StringComparison.Ordinal);
        var back = QueryHelpers.ParseQuery(location.Query)["callbackURL"].ToString();
        Assert.Equal(TestSettings.BaseUrl + AuthorizeUrl(clientId, challenge), back);
    }

    [Fact]
    public async Task A_code_is_refused_when_reused_wrong_without_its_verifier_or_with_anothers()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("pia@example.com");
        var (verifier, challenge) = Pkce();
        var (otherVerifier, _) = Pkce();

        var withoutVerifier = await _http.ExchangeAsync(clientId, await CodeAsync(clientId, user.Cookie, challenge), verifier: null);
        await AssertErrorAsync(withoutVerifier, "invalid_request", "invalid_grant");

        var withAnothers = await _http.ExchangeAsync(clientId, await CodeAsync(clientId, user.Cookie, challenge), otherVerifier);
        await AssertErrorAsync(withAnothers, "invalid_grant");

        var wrong = await _http.ExchangeAsync(clientId, "not-a-code", verifier);
        await AssertErrorAsync(wrong, "invalid_grant");

        var code = await CodeAsync(clientId, user.Cookie, challenge);
        Assert.Equal(HttpStatusCode.OK, (await _http.ExchangeAsync(clientId, code, verifier)).StatusCode);
        await AssertErrorAsync(await _http.ExchangeAsync(clientId, code, verifier), "invalid_grant");
    }

    [Fact]
    public async Task A_redirect_uri_one_character_off_is_refused_without_redirecting()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("rui@example.com");
        var (_, challenge) = Pkce();

        var response = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, RedirectUri + "s"), user.Cookie));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_public_client_without_pkce_or_with_plain_gets_no_code()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("sol@example.com");

        var without = await _http.SendAsync(Navigate(
            $"/api/auth/oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid&state=s1", user.Cookie));
        var plain = await _http.SendAsync(Navigate(
            $"/api/auth/oauth2/authorize?response_type=code&client_id={clientId}&redirect_uri={Uri.EscapeDataString(RedirectUri)}&scope=openid&state=s1&code_challenge=abcdefghijklmnopqrstuvwxyzabcdefghijklmnopq&code_challenge_method=plain", user.Cookie));

        // OpenIddict answers these itself (no redirect back with a code, or at all).
        foreach (var response in new[] { without, plain })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Null(response.Headers.Location);
            Assert.Contains("error:invalid_request", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_refresh_token_rotates_and_a_reused_one_revokes_its_family()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("tao@example.com");
        var (verifier, challenge) = Pkce();
        var first = (await (await _http.ExchangeAsync(clientId, await CodeAsync(clientId, user.Cookie, challenge, scope: "openid offline_access"), verifier)).JsonAsync())!["refresh_token"]!.GetValue<string>();

        var rotated = await _http.RefreshAsync(clientId, first);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.JsonAsync())!["refresh_token"]!.GetValue<string>();
        Assert.NotEqual(first, second);

        await AssertErrorAsync(await _http.RefreshAsync(clientId, first), "invalid_grant");
        await AssertErrorAsync(await _http.RefreshAsync(clientId, second), "invalid_grant"); // the reuse revoked the family
    }

    private async Task<string> RegisterAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterOAuthClientCommand(
            "Web app", RegisterOAuthClientCommand.Public, [RedirectUri], [],
            [RegisterOAuthClientCommand.AuthorizationCode, RegisterOAuthClientCommand.RefreshToken],
            ["openid", "profile", "email", "offline_access"], [], FirstParty: true));
        Assert.True(result.IsSuccess);
        return result.Value.ClientId;
    }

    private async Task<string> CodeAsync(string clientId, string cookie, string challenge, string? nonce = null, string scope = "openid profile email")
    {
        var response = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: scope, nonce: nonce), cookie));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{response.StatusCode} {await response.Content.ReadAsStringAsync()}\n{_logs.AllText}");
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri + "?", location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("xyz", query["state"].ToString());
        return query["code"].ToString();
    }

    private async Task<JsonWebToken> IdTokenAsync(string clientId, string cookie)
    {
        var (verifier, challenge) = Pkce();
        var tokens = await _http.ExchangeAsync(clientId, await CodeAsync(clientId, cookie, challenge), verifier);
        Assert.Equal(HttpStatusCode.OK, tokens.StatusCode);
        return new JsonWebToken((await tokens.JsonAsync())!["id_token"]!.GetValue<string>());
    }

    private static async Task AssertErrorAsync(HttpResponseMessage response, params string[] errors)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains((await response.JsonAsync())!["error"]!.GetValue<string>(), errors);
    }
}
