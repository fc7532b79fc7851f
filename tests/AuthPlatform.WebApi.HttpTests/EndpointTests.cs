using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

[Trait("Tier", "fast")]
public sealed class EndpointTests(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new AuthApiFactory(database.ConnectionString);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task Ok_answers_true_without_caching()
    {
        var response = await _factory.CreatePlainClient().GetAsync("/api/auth/ok");

        Assert.Equal("""{"ok":true}""", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Health_endpoints_report_live_and_ready()
    {
        var client = _factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("healthy", (await ready.JsonAsync())!["checks"]!["database"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_a_credential_get_session_is_json_null()
    {
        var response = await _factory.CreatePlainClient().GetAsync("/api/auth/get-session");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("null", await response.Content.ReadAsStringAsync());
        Assert.Null(AuthApi.SessionSetCookie(response));
    }

    [Fact]
    public async Task The_base_path_is_configurable()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:BasePath"] = "/auth/v1";

        var client = factory.CreatePlainClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/auth/v1/ok")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/auth/ok")).StatusCode);
    }
}
