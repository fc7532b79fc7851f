using System.Net;
using System.Net.Http.Json;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.WebUtilities;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// Consent for clients that are not first-party (ADR 0141): the consent page and its answer, consent asked once per
/// client and scope set (again for a broader one), a refusal back to the client as access_denied, the user's list, and
/// a revocation that ends the client's refresh token at once; consent codes that are forged or another user's.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthConsentTests(TestDatabase database) : IAsyncLifetime
{
    private const string ConsentPage = "https://app.example.com/consent";
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString);
        _factory.Settings["Auth:OAuth:LoginPage"] = "https://app.example.com/sign-in";
        _factory.Settings["Auth:OAuth:ConsentPage"] = ConsentPage;
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_user_is_sent_to_the_consent_page_and_accepting_resumes_the_request_with_a_code()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("ada@example.com");
        var (verifier, challenge) = Pkce();

        var toConsent = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), user.Cookie));
        var page = ConsentPageQuery(toConsent);
        Assert.Equal(clientId, page["client_id"].ToString());
        Assert.Equal("Partner app", page["client_name"].ToString());
        Assert.Equal("openid profile email", page["scope"].ToString());

        var answer = await AnswerAsync(user.Cookie, page["consent_code"].ToString(), accept: true);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var url = (await answer.JsonAsync())!["url"]!.GetValue<string>();
        Assert.Equal(TestSettings.BaseUrl + AuthorizeUrl(clientId, challenge), url);

        var code = CodeFrom(await _http.SendAsync(Navigate(url, user.Cookie)));
        Assert.Equal(HttpStatusCode.OK, (await _http.ExchangeAsync(clientId, code, verifier)).StatusCode);
        Assert.Equal(clientId, await database.ScalarAsync<string>(
            "select reason from audit_events where type = 'oauth.consent-given' and subject_user_id = $1", user.UserId));
    }

    [Fact]
    public async Task Consent_is_asked_once_per_scope_set_and_again_for_a_broader_one_or_with_prompt_consent()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("bea@example.com");
        var (_, challenge) = Pkce();
        await ConsentAsync(clientId, user.Cookie, challenge, "openid profile");

        var same = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid profile"), user.Cookie));
        Assert.NotEmpty(CodeFrom(same));
        var fewer = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid"), user.Cookie));
        Assert.NotEmpty(CodeFrom(fewer));

        var broader = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid profile email"), user.Cookie));
        Assert.Equal("openid profile email", ConsentPageQuery(broader)["scope"].ToString());

        var prompted = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid profile", prompt: "consent"), user.Cookie));
        var resumed = (await (await AnswerAsync(user.Cookie, ConsentPageQuery(prompted)["consent_code"].ToString(), accept: true)).JsonAsync())!["url"]!.GetValue<string>();
        Assert.DoesNotContain("prompt", resumed, StringComparison.Ordinal); // or the answer would ask again, forever
        Assert.NotEmpty(CodeFrom(await _http.SendAsync(Navigate(resumed, user.Cookie))));
    }

    [Fact]
    public async Task Refusing_sends_the_browser_back_to_the_client_with_access_denied_and_records_nothing()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("cyd@example.com");
        var (_, challenge) = Pkce();
        var page = ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), user.Cookie)));

        var answer = await AnswerAsync(user.Cookie, page["consent_code"].ToString(), accept: false);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var back = new Uri((await answer.JsonAsync())!["url"]!.GetValue<string>());
        Assert.StartsWith(RedirectUri + "?", back.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(back.Query);
        Assert.Equal("access_denied", query["error"].ToString());
        Assert.Equal("xyz", query["state"].ToString());
        Assert.Equal(TestSettings.BaseUrl, query["iss"].ToString());
        Assert.Equal("[]", (await (await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consents", user.Cookie))).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_revoked_consent_ends_the_clients_refresh_token_at_once_and_is_asked_again()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("dee@example.com");
        var (verifier, challenge) = Pkce();
        var url = await ConsentAsync(clientId, user.Cookie, challenge, "openid offline_access");
        var tokens = (await (await _http.ExchangeAsync(clientId, CodeFrom(await _http.SendAsync(Navigate(url, user.Cookie))), verifier)).JsonAsync())!;
        var refreshToken = tokens["refresh_token"]!.GetValue<string>();

        var list = (await (await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consents", user.Cookie))).JsonAsync())!.AsArray();
        var consent = Assert.Single(list)!;
        Assert.Equal(clientId, consent["clientId"]!.GetValue<string>());
        Assert.Equal(new[] { "offline_access", "openid" }, consent["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        var revoked = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/delete-consent", user.Cookie, new { id = consent["id"]!.GetValue<string>() }));
        Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);

        var refresh = await _http.RefreshAsync(clientId, refreshToken);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (await refresh.JsonAsync())!["error"]!.GetValue<string>());
        ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid offline_access"), user.Cookie)));
        Assert.Equal(clientId, await database.ScalarAsync<string>(
            "select reason from audit_events where type = 'oauth.consent-revoked' and subject_user_id = $1", user.UserId));

        var again = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/delete-consent", user.Cookie, new { id = consent["id"]!.GetValue<string>() }));
        await again.AssertProblemAsync(HttpStatusCode.NotFound, "CONSENT_NOT_FOUND");
    }

    [Fact]
    public async Task Get_consent_answers_the_users_own_consent_by_id_and_no_one_elses()
    {
        var clientId = await RegisterAsync();
        var gil = await _http.SignUpAsync("gil@example.com");
        var hal = await _http.SignUpAsync("hal@example.com");
        var (_, challenge) = Pkce();
        await ConsentAsync(clientId, gil.Cookie, challenge, "openid profile");
        var id = await ConsentIdAsync(gil.Cookie);

        var own = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consent?id=" + id, gil.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        var consent = (await own.JsonAsync())!;
        Assert.Equal(id, consent["id"]!.GetValue<string>());
        Assert.Equal(clientId, consent["clientId"]!.GetValue<string>());
        Assert.Equal(new[] { "openid", "profile" }, consent["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        var anothers = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consent?id=" + id, hal.Cookie, origin: null));
        await anothers.AssertProblemAsync(HttpStatusCode.NotFound, "CONSENT_NOT_FOUND");
        var without = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consent", gil.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);
    }

    [Fact]
    public async Task Update_consent_narrows_the_scopes_ends_the_clients_tokens_and_refuses_scopes_the_client_was_not_registered_for()
    {
        var clientId = await RegisterAsync();
        var ida = await _http.SignUpAsync("ida@example.com");
        var (verifier, challenge) = Pkce();
        var url = await ConsentAsync(clientId, ida.Cookie, challenge, "openid profile offline_access");
        var tokens = (await (await _http.ExchangeAsync(clientId, CodeFrom(await _http.SendAsync(Navigate(url, ida.Cookie))), verifier)).JsonAsync())!;
        var id = await ConsentIdAsync(ida.Cookie);

        var updated = await UpdateAsync(ida.Cookie, id, ["openid", "offline_access"]);
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var consent = (await updated.JsonAsync())!;
        Assert.Equal(new[] { "offline_access", "openid" }, consent["scopes"]!.AsArray().Select(s => s!.GetValue<string>()));

        var refresh = await _http.RefreshAsync(clientId, tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal("invalid_grant", (await refresh.JsonAsync())!["error"]!.GetValue<string>());
        Assert.NotEmpty(CodeFrom(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid offline_access"), ida.Cookie))));
        ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: "openid profile"), ida.Cookie)));
        Assert.Equal(clientId, await database.ScalarAsync<string>(
            "select reason from audit_events where type = 'oauth.consent-updated' and subject_user_id = $1", ida.UserId));

        var newId = consent["id"]!.GetValue<string>();
        await (await UpdateAsync(ida.Cookie, newId, ["openid", "reports.admin"])).AssertProblemAsync(HttpStatusCode.BadRequest, "CONSENT_SCOPE_NOT_ALLOWED");
        Assert.Equal(HttpStatusCode.BadRequest, (await UpdateAsync(ida.Cookie, newId, [])).StatusCode);
        await (await UpdateAsync(ida.Cookie, id, ["openid"])).AssertProblemAsync(HttpStatusCode.NotFound, "CONSENT_NOT_FOUND"); // the replaced one
    }

    [Fact]
    public async Task A_consent_code_that_is_forged_another_users_or_without_an_answer_is_refused()
    {
        var clientId = await RegisterAsync();
        var ann = await _http.SignUpAsync("ann@example.com");
        var bob = await _http.SignUpAsync("bob@example.com");
        var (_, challenge) = Pkce();
        var code = ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), ann.Cookie)))["consent_code"].ToString();

        await (await AnswerAsync(bob.Cookie, code, accept: true)).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_CONSENT_CODE");
        await (await AnswerAsync(ann.Cookie, code[..^2] + "AA", accept: true)).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_CONSENT_CODE");
        await (await AnswerAsync(ann.Cookie, "not-a-code", accept: true)).AssertProblemAsync(HttpStatusCode.BadRequest, "INVALID_CONSENT_CODE");
        var noAnswer = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/consent", ann.Cookie, new { consent_code = code }));
        Assert.Equal(HttpStatusCode.BadRequest, noAnswer.StatusCode);
        var signedOut = await _http.PostAsJsonAsync("/api/auth/oauth2/consent", new { accept = true, consent_code = code });
        Assert.Equal(HttpStatusCode.Unauthorized, signedOut.StatusCode);
        Assert.Equal("[]", (await (await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consents", bob.Cookie))).Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_consent_code_is_answered_once_a_replayed_acceptance_or_a_changed_answer_is_refused()
    {
        var clientId = await RegisterAsync();
        var user = await _http.SignUpAsync("fay@example.com");
        var (_, challenge) = Pkce();
        var code = ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), user.Cookie)))["consent_code"].ToString();

        Assert.Equal(HttpStatusCode.OK, (await AnswerAsync(user.Cookie, code, accept: true)).StatusCode);

        await (await AnswerAsync(user.Cookie, code, accept: true)).AssertProblemAsync(HttpStatusCode.BadRequest, "CONSENT_CODE_ALREADY_USED");
        await (await AnswerAsync(user.Cookie, code, accept: false)).AssertProblemAsync(HttpStatusCode.BadRequest, "CONSENT_CODE_ALREADY_USED");
        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from audit_events where type = 'oauth.consent-given'"));
    }

    [Fact]
    public async Task Without_a_consent_page_the_request_is_answered_consent_required()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        using var http = factory.CreatePlainClient();
        var clientId = (await factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.AuthorizationCode])).ClientId;
        var user = await http.SignUpAsync("eve@example.com");
        var (_, challenge) = Pkce();

        var response = await http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge), user.Cookie));

        Assert.Equal("consent_required", QueryHelpers.ParseQuery(response.Headers.Location!.Query)["error"].ToString());
    }

    private async Task<string> RegisterAsync() =>
        (await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.AuthorizationCode, RegisterOAuthClientCommand.RefreshToken], name: "Partner app")).ClientId;

    /// <summary>Consents to <paramref name="scope"/> through the consent page; the authorization URL to resume.</summary>
    private async Task<string> ConsentAsync(string clientId, string cookie, string challenge, string scope)
    {
        var page = ConsentPageQuery(await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: scope), cookie)));
        var answer = await AnswerAsync(cookie, page["consent_code"].ToString(), accept: true);
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        return (await answer.JsonAsync())!["url"]!.GetValue<string>();
    }

    private async Task<string> ConsentIdAsync(string cookie) =>
        Assert.Single((await (await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "oauth2/get-consents", cookie, origin: null))).JsonAsync())!.AsArray())!
            ["id"]!.GetValue<string>();

    private Task<HttpResponseMessage> UpdateAsync(string cookie, string id, string[] scopes) =>
        _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/update-consent", cookie, new { id, update = new { scopes } }));

    private Task<HttpResponseMessage> AnswerAsync(string cookie, string consentCode, bool accept) =>
        _http.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "oauth2/consent", cookie, new { accept, consent_code = consentCode }));

    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues> ConsentPageQuery(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(ConsentPage + "?", location.AbsoluteUri, StringComparison.Ordinal);
        return QueryHelpers.ParseQuery(location.Query);
    }
}
