using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using AuthPlatform.WebApi.HttpTests.Organizations;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using static AuthPlatform.Testing.OAuthApi;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// The organization scope (ADR 0140): the session's active organization and the member's roles in the access and ID
/// tokens, under the /token JWT's claim names, only when asked for; a changed role shows in the next refreshed token.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthOrganizationClaimsTests(TestDatabase database) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;
    private HttpClient _http = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString) { TestServices = services => services.AddSingleton<Serilog.Core.ILogEventSink>(_logs) };
        _http = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task With_the_organization_scope_both_tokens_carry_the_active_organization_and_roles_and_a_role_change_shows_on_refresh()
    {
        var clientId = await RegisterAsync();
        var ann = await _http.SignUpAsync();
        var acme = await _http.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await _http.JoinAsync(database, ann, acme, "bob@example.com", "member");

        var tokens = await TokensAsync(clientId, bob.Cookie, "openid organization offline_access");

        var access = Payload(tokens["access_token"]);
        var id = Payload(tokens["id_token"]);
        foreach (var token in new[] { access, id })
        {
            Assert.Equal(acme, token["org_id"]!.GetValue<string>());
            Assert.Equal(["member"], Roles(token));
        }

        var promoted = await _http.OrgPostAsync("update-member-role", ann.Cookie, new { memberId = await database.MemberIdAsync(acme, bob.UserId), role = new[] { "admin", "member" } });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);

        var refreshed = await _http.RefreshAsync(clientId, tokens["refresh_token"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
        var after = (await refreshed.JsonAsync())!;
        Assert.Equal(acme, Payload(after["access_token"])["org_id"]!.GetValue<string>());
        Assert.Equal(["admin", "member"], Roles(Payload(after["access_token"])));
        Assert.Equal(["admin", "member"], Roles(Payload(after["id_token"])));
    }

    [Fact]
    public async Task Without_the_scope_neither_token_names_the_organization()
    {
        var clientId = await RegisterAsync();
        var ann = await _http.SignUpAsync();
        await _http.CreateOrganizationAsync(ann.Cookie, "acme");

        var tokens = await TokensAsync(clientId, ann.Cookie, "openid profile");

        foreach (var token in new[] { Payload(tokens["access_token"]), Payload(tokens["id_token"]) })
        {
            Assert.False(token.ContainsKey("org_id"));
            Assert.False(token.ContainsKey("org_roles"));
        }
    }

    [Fact]
    public async Task A_member_removed_since_gets_no_organization_claims_on_refresh()
    {
        var clientId = await RegisterAsync();
        var ann = await _http.SignUpAsync();
        var acme = await _http.CreateOrganizationAsync(ann.Cookie, "acme");
        var bob = await _http.JoinAsync(database, ann, acme, "bob@example.com", "member");
        var tokens = await TokensAsync(clientId, bob.Cookie, "openid organization offline_access");
        Assert.Equal(acme, Payload(tokens["access_token"])["org_id"]!.GetValue<string>());

        var removed = await _http.OrgPostAsync("remove-member", ann.Cookie, new { memberIdOrEmail = "bob@example.com", organizationId = acme });
        Assert.Equal(HttpStatusCode.OK, removed.StatusCode);

        var refreshed = (await (await _http.RefreshAsync(clientId, tokens["refresh_token"]!.GetValue<string>())).JsonAsync())!;
        Assert.False(Payload(refreshed["access_token"]).ContainsKey("org_id"));
    }

    private async Task<string> RegisterAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RegisterOAuthClientCommand(
            "Dashboard", RegisterOAuthClientCommand.Public, [RedirectUri], [],
            [RegisterOAuthClientCommand.AuthorizationCode, RegisterOAuthClientCommand.RefreshToken],
            ["openid", "profile", "organization", "offline_access"], [], FirstParty: true));
        Assert.True(result.IsSuccess);
        return result.Value.ClientId;
    }

    private async Task<JsonNode> TokensAsync(string clientId, string cookie, string scope)
    {
        var (verifier, challenge) = Pkce();
        var authorized = await _http.SendAsync(Navigate(AuthorizeUrl(clientId, challenge, scope: scope), cookie));
        Assert.True(authorized.StatusCode == HttpStatusCode.Redirect, $"{(int)authorized.StatusCode} {await authorized.Content.ReadAsStringAsync()}\n{_logs.AllText}");
        var code = CodeFrom(authorized);
        var response = await _http.ExchangeAsync(clientId, code, verifier);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())!;
    }

    private static JsonObject Payload(JsonNode? token) => TokenApi.Payload(token!.GetValue<string>());

    private static string[] Roles(JsonObject payload) => [.. payload["org_roles"]!.AsArray().Select(r => r!.GetValue<string>())];
}
