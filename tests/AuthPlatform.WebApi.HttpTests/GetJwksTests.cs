using System.Net;
using System.Net.Http.Headers;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Get-JWKS (GET /jwks and /.well-known/jwks.json), the discovery document and readiness: the published keys that verify the JWTs.</summary>
[Trait("Tier", "fast")]
public sealed class GetJwksTests(TestDatabase database) : IAsyncLifetime
{
    private readonly CapturedLogs _logs = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString)
        {
            UseFakeClock = true,
            TestServices = services => services.AddSingleton<ILogEventSink>(_logs),
        };
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task The_jwks_is_public_cacheable_and_answers_304_to_its_etag_at_both_addresses()
    {
        var client = _factory.CreatePlainClient();
        var viaBase = await client.GetAsync("/api/auth/jwks");
        var viaWellKnown = await client.GetAsync("/.well-known/jwks.json");

        foreach (var response in new[] { viaBase, viaWellKnown })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("public, max-age=3600", response.Headers.CacheControl!.ToString());
            Assert.False(response.Headers.CacheControl.NoStore);
        }

        Assert.Equal(await viaBase.Content.ReadAsStringAsync(), await viaWellKnown.Content.ReadAsStringAsync());
        var etag = viaBase.Headers.ETag!;
        Assert.Equal(etag, viaWellKnown.Headers.ETag);

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/api/auth/jwks");
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        var stale = new HttpRequestMessage(HttpMethod.Get, "/.well-known/jwks.json");
        stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"something-else\""));
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(stale)).StatusCode);
    }

    [Fact]
    public async Task Discovery_names_the_issuer_the_jwks_and_the_algorithm()
    {
        var response = await _factory.CreatePlainClient().GetAsync("/.well-known/openid-configuration");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = (await response.JsonAsync())!;
        Assert.Equal(TestSettings.BaseUrl, json["issuer"]!.GetValue<string>());
        Assert.Equal(TestSettings.BaseUrl + "/.well-known/jwks.json", json["jwks_uri"]!.GetValue<string>());
        Assert.Equal(["ES256"], json["id_token_signing_alg_values_supported"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task Readiness_reports_the_active_signing_key()
    {
        var ready = await _factory.CreatePlainClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var check = (await ready.JsonAsync())!["checks"]!["signing_keys"]!;
        Assert.Equal("healthy", check["status"]!.GetValue<string>());
        Assert.Contains("(ES256)", check["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

}
