using System.Net;
using AuthPlatform.Application.Admin.DeleteOAuthClient;
using AuthPlatform.Application.Operators.RegisterOAuthClient;
using AuthPlatform.Testing;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using AuthPlatform.WebApi.HttpTests.Admin;

namespace AuthPlatform.WebApi.HttpTests.OAuth;

/// <summary>
/// OAuth clients managed by an administrator (/admin/oauth2/create-client, list-clients, delete-client): a created
/// client works at once and its secret is answered once; a deleted one is refused at once; a user without the
/// statement gets 403; bad input 400; an unknown client 404.
/// </summary>
[Trait("Tier", "fast")]
public sealed class OAuthClientAdminTests(TestDatabase database) : IAsyncLifetime
{
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
    public async Task An_administrator_creates_lists_and_deletes_a_client_which_works_until_deleted()
    {
        var admin = await AdminAsync();

        var created = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie, new
        {
            client_name = "Reports job", grant_types = new[] { "client_credentials" }, scope = "reports.read",
        });
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        var client = (await created.JsonAsync())!;
        var clientId = client["client_id"]!.GetValue<string>();
        var secret = client["client_secret"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(clientId, secret)).StatusCode);

        var list = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/oauth2/list-clients", admin.Cookie, origin: null));
        var listed = Assert.Single((await list.JsonAsync())!.AsArray())!;
        Assert.Equal(clientId, listed["clientId"]!.GetValue<string>());
        Assert.Equal("Reports job", listed["name"]!.GetValue<string>());
        Assert.DoesNotContain(secret, listed.ToJsonString(), StringComparison.Ordinal);

        var deleted = await _http.AdminPostAsync("oauth2/delete-client", admin.Cookie, new { client_id = clientId });
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await ClientCredentialsAsync(clientId, secret)).StatusCode);
        Assert.Equal(clientId, await database.ScalarAsync<string>("select reason from audit_events where type = 'oauth.client-deleted'"));
    }

    [Fact]
    public async Task Without_the_statement_bad_input_or_an_unknown_client_is_refused()
    {
        var admin = await AdminAsync();
        var user = await _http.SignUpAsync("usr@example.com");

        var notAllowed = await _http.AdminPostAsync("oauth2/create-client", user.Cookie, new { client_name = "X", grant_types = new[] { "client_credentials" } });
        await notAllowed.AssertProblemAsync(HttpStatusCode.Forbidden, "YOU_ARE_NOT_ALLOWED_TO_MANAGE_OAUTH_CLIENTS");
        var notListed = await _http.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "admin/oauth2/list-clients", user.Cookie, origin: null));
        Assert.Equal(HttpStatusCode.Forbidden, notListed.StatusCode);

        var noName = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie, new { grant_types = new[] { "client_credentials" } });
        Assert.Equal(HttpStatusCode.BadRequest, noName.StatusCode);
        var publicWithSecretGrant = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie,
            new { client_name = "SPA", token_endpoint_auth_method = "none", grant_types = new[] { "client_credentials" } });
        Assert.Equal(HttpStatusCode.BadRequest, publicWithSecretGrant.StatusCode);
        var badRedirect = await _http.AdminPostAsync("oauth2/create-client", admin.Cookie,
            new { client_name = "Web", grant_types = new[] { "authorization_code" }, redirect_uris = new[] { "http://evil.example.com/cb" } });
        Assert.Equal(HttpStatusCode.BadRequest, badRedirect.StatusCode);

        var unknown = await _http.AdminPostAsync("oauth2/delete-client", admin.Cookie, new { client_id = "no-such-client" });
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound, "CLIENT_NOT_FOUND");
        var missing = await _http.AdminPostAsync("oauth2/delete-client", admin.Cookie, new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
    }

    [Fact]
    public async Task A_deletion_whose_audit_event_cannot_be_written_leaves_the_client_and_its_tokens()
    {
        var client = await _factory.RegisterOAuthClientAsync([RegisterOAuthClientCommand.ClientCredentials], type: RegisterOAuthClientCommand.Confidential);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(client.ClientId, client.ClientSecret!, scope: null)).StatusCode);

        // The audit event's insert fails after the deletion's statements ran: one transaction rolls both back.
        await database.ExecuteAsync("""
            create function refuse_client_deleted() returns trigger language plpgsql as $$
            begin if new.type = 'oauth.client-deleted' then raise exception 'audit write refused'; end if; return new; end $$;
            create trigger refuse_client_deleted before insert on audit_events for each row execute function refuse_client_deleted();
            """);
        try
        {
            using var scope = _factory.Services.CreateScope();
            await Assert.ThrowsAnyAsync<Exception>(async () =>
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new DeleteOAuthClientCommand(client.ClientId)));
        }
        finally
        {
            await database.ExecuteAsync("drop trigger refuse_client_deleted on audit_events; drop function refuse_client_deleted();");
        }

        Assert.Equal(1L, await database.ScalarAsync<long>("select count(*) from oauth_clients where client_id = $1", client.ClientId));
        Assert.True(await database.ScalarAsync<long>("select count(*) from oauth_tokens") > 0);
        Assert.Equal(HttpStatusCode.OK, (await ClientCredentialsAsync(client.ClientId, client.ClientSecret!, scope: null)).StatusCode);
    }

    private async Task<AuthApi.SignedIn> AdminAsync()
    {
        var admin = await _http.SignUpAsync("adm@example.com");
        await database.MakeAdminAsync(admin.UserId);
        return admin;
    }

    private Task<HttpResponseMessage> ClientCredentialsAsync(string clientId, string secret, string? scope = "reports.read") =>
        _http.PostAsync("/api/auth/oauth2/token", new FormUrlEncodedContent([
            new("grant_type", "client_credentials"), new("client_id", clientId), new("client_secret", secret),
            .. scope is null ? Array.Empty<KeyValuePair<string, string>>() : [new("scope", scope)]]));
}
