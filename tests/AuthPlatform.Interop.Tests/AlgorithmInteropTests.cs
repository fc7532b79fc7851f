using System.Net;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// A token from GET /token verifies, with issuer, audience and algorithm pinned, in a .NET JwtBearer
/// host (via the discovery document), in Node jose and in Python PyJWT (both via the JWKS URL):
/// ES256 in all three, every other algorithm in at least two.
/// </summary>
public sealed class AlgorithmInteropTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_ES256_token_verifies_in_dotnet_jose_and_pyjwt()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, "ES256");
        var (jwt, userId, _) = await service.SignUpAndGetTokenAsync("es256@example.com");
        var sid = TokenForge.Payload(jwt)["sid"]!.GetValue<string>();
        await using var server = await ResourceServer.StartAsync(service.BaseUrl, service.BaseUrl, "ES256");

        var (status, sub, seenSid, challenge) = await server.CallAsync(jwt);
        var jose = (await Verifiers.JoseAsync(service.JwksUrl, service.BaseUrl, [service.BaseUrl], ["ES256"], new TokenCase("t", jwt)))["t"];
        var pyjwt = (await Verifiers.PyJwtAsync(service.JwksUrl, service.BaseUrl, [service.BaseUrl], ["ES256"], new TokenCase("t", jwt)))["t"];

        Assert.True(status == HttpStatusCode.OK, $"{status} {challenge}\n{server.Output}");
        Assert.Equal((userId, sid), (sub, seenSid));
        Assert.True(jose.Ok, jose.Message);
        Assert.Equal((userId, sid), (jose.Sub, jose.Sid));
        Assert.True(pyjwt.Ok, pyjwt.Message);
        Assert.Equal((userId, sid), (pyjwt.Sub, pyjwt.Sid));
    }

    [Theory]
    [InlineData("ES384", "EC")]
    [InlineData("ES512", "EC")]
    [InlineData("PS256", "RSA")]
    [InlineData("RS256", "RSA")]
    [InlineData("EdDSA", "OKP")]
    public async Task Every_configured_algorithm_verifies_in_jose_and_pyjwt_and_in_dotnet_where_supported(string algorithm, string keyType)
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString, algorithm);
        var (jwt, userId, _) = await service.SignUpAndGetTokenAsync($"{algorithm.ToLowerInvariant()}@example.com");

        var header = TokenForge.Header(jwt);
        Assert.Equal(algorithm, header["alg"]!.GetValue<string>());
        var jwks = JsonNode.Parse(await service.Http.GetStringAsync("/.well-known/jwks.json"))!;
        var key = Assert.Single(jwks["keys"]!.AsArray())!;
        Assert.Equal((keyType, algorithm, header["kid"]!.GetValue<string>()), (key["kty"]!.GetValue<string>(), key["alg"]!.GetValue<string>(), key["kid"]!.GetValue<string>()));

        var jose = (await Verifiers.JoseAsync(service.JwksUrl, service.BaseUrl, [service.BaseUrl], [algorithm], new TokenCase("t", jwt)))["t"];
        var pyjwt = (await Verifiers.PyJwtAsync(service.JwksUrl, service.BaseUrl, [service.BaseUrl], [algorithm], new TokenCase("t", jwt)))["t"];
        Assert.True(jose.Ok, $"jose: {jose.Code} {jose.Message}");
        Assert.Equal(userId, jose.Sub);
        Assert.True(pyjwt.Ok, $"PyJWT: {pyjwt.Code} {pyjwt.Message}");
        Assert.Equal(userId, pyjwt.Sub);

        await using var server = await ResourceServer.StartAsync(service.BaseUrl, service.BaseUrl, algorithm);
        var (status, sub, _, challenge) = await server.CallAsync(jwt);
        output.WriteLine($"{algorithm}: jose ok, PyJWT ok, .NET JwtBearer {(int)status} {challenge}");
        if (algorithm == "EdDSA")
        {
            // Microsoft.IdentityModel has no Ed25519: it skips OKP keys, so the key is "not found".
            // docs/verifying-tokens.md says so; .NET resource servers need an EC or RSA algorithm.
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Contains("The signature key was not found", challenge, StringComparison.Ordinal);
        }
        else
        {
            Assert.True(status == HttpStatusCode.OK, $"{status} {challenge}\n{server.Output}");
            Assert.Equal(userId, sub);
        }
    }

    [Fact]
    public async Task Two_instances_starting_together_on_an_empty_database_create_one_key_and_verify_each_others_tokens()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var starts = await Task.WhenAll(
            RunningService.StartAsync(database.ConnectionString),
            RunningService.StartAsync(database.ConnectionString));
        await using var first = starts[0];
        await using var second = starts[1];

        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));
        var (jwt, userId, _) = await first.SignUpAndGetTokenAsync("two-instances@example.com");
        var verdict = (await Verifiers.JoseAsync(second.JwksUrl, first.BaseUrl, [first.BaseUrl], ["ES256"], new TokenCase("t", jwt)))["t"];
        Assert.True(verdict.Ok, verdict.Message);
        Assert.Equal(userId, verdict.Sub);
        Assert.Equal(await first.Http.GetStringAsync("/.well-known/jwks.json"), await second.Http.GetStringAsync("/.well-known/jwks.json"));
    }
}
