using System.Net;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// RP-initiated logout (OpenID Connect, /oauth2/end-session): with the ID token the client got, the session it was
/// issued for ends and the browser goes to a registered post-logout URI; an unregistered URI, a missing or foreign
/// hint, are refused without ending anything.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthEndSessionTests(TestDatabase database) : IAsyncLifetime
{
    private const string SignedOut = "https://app.example.com/signed-out";
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString);
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_id_token_ends_its_session_and_the_browser_goes_to_the_registered_uri_with_the_state()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("ida@example.com");
        var idToken = await IdTokenAsync(clientId, user.Cookie);

        var response = await _http.SendAsync(Navigate(EndSessionUrl(idToken, SignedOut), user.Cookie));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SignedOut + "?", response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal("bye", QueryHelpers.ParseQuery(response.Headers.Location.Query)["state"].ToString());
        Assert.Contains(response.Headers.GetValues("Set-Cookie"), c => c.Contains("session_token=;", StringComparison.Ordinal));
        Assert.Equal("null", await (await _http.GetSessionAsync(user.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unregistered_post_logout_uri_is_refused_and_the_session_lives_on()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("jon@example.com");
        var idToken = await IdTokenAsync(clientId, user.Cookie);

        var response = await _http.SendAsync(Navigate(EndSessionUrl(idToken, SignedOut + "x"), user.Cookie));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.NotEqual("null", await (await _http.GetSessionAsync(user.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_hint_or_with_a_forged_one_nothing_ends()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("kai@example.com");
        var idToken = await IdTokenAsync(clientId, user.Cookie);

        var without = await _http.SendAsync(Navigate($"/api/auth/oauth2/end-session?post_logout_redirect_uri={Uri.EscapeDataString(SignedOut)}", user.Cookie));
        var forged = await _http.SendAsync(Navigate(EndSessionUrl(idToken[..^4] + "AAAA", SignedOut), user.Cookie));

        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("null", await (await _http.GetSessionAsync(user.Cookie)).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_users_id_token_redirects_without_ending_this_browsers_session()
    {
        var clientId = await RegisterAsync();
        var lea = await _http.SignUpAsync("lea@example.com");
        var max = await _http.SignUpAsync("max@example.com");
        var leasToken = await IdTokenAsync(clientId, lea.Cookie);

        var response = await _http.SendAsync(Navigate(EndSessionUrl(leasToken, SignedOut), max.Cookie));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.NotEqual("null", await (await _http.GetSessionAsync(max.Cookie)).Content.ReadAsStringAsync());
    }

    private async Task<string> RegisterAsync() =>
        (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.AuthorizationCode], firstParty: true, postLogoutRedirectUris: [SignedOut])).ClientId;

    private async Task<string> IdTokenAsync(string clientId, string cookie)
    {
        var (verifier, challenge) = Pkce();
        var code = CodeFrom(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid"), cookie)));
        return (await (await _http.ExchangeAsync(clientId, code, verifier)).JsonAsync())!["id_token"]!.GetValue<string>();
    }

    private static string EndSessionUrl(string idToken, string postLogoutRedirectUri) =>
        $"/api/auth/oauth2/end-session?id_token_hint={idToken}&post_logout_redirect_uri={Uri.EscapeDataString(postLogoutRedirectUri)}&state=bye";
}
