using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Infrastructure.SigningKeys;
using AuthPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// One running service (ES256) with two sample resource servers (one accepting ES256, one ES384 only),
/// and every forged token, checked by jose in one run.
/// </summary>
public sealed class RejectionFixture : IAsyncLifetime
{
    public const string AlgOffTheList = "alg off the allow-list (valid ES256 token, verifier accepts ES384 only)";

    /// <summary>Each case with the jose error code that names its reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedJoseCodes = new Dictionary<string, string>
    {
        ["alg none"] = "ERR_JOSE_ALG_NOT_ALLOWED",
        ["alg None"] = "ERR_JOSE_ALG_NOT_ALLOWED",
        ["alg NONE"] = "ERR_JOSE_ALG_NOT_ALLOWED",
        ["HS256 signed with the published public key"] = "ERR_JOSE_ALG_NOT_ALLOWED",
        [AlgOffTheList] = "ERR_JOSE_ALG_NOT_ALLOWED",
        ["unknown kid"] = "ERR_JWKS_NO_MATCHING_KEY",
        ["jku header pointing elsewhere"] = "ERR_JWKS_NO_MATCHING_KEY",
        ["x5u header pointing elsewhere"] = "ERR_JWKS_NO_MATCHING_KEY",
        ["embedded jwk header"] = "ERR_JWKS_NO_MATCHING_KEY",
        ["embedded jwk header with the published kid"] = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
        ["expired"] = "ERR_JWT_EXPIRED",
        ["nbf in the future"] = "ERR_JWT_CLAIM_VALIDATION_FAILED",
        ["wrong iss"] = "ERR_JWT_CLAIM_VALIDATION_FAILED",
        ["wrong aud"] = "ERR_JWT_CLAIM_VALIDATION_FAILED",
        ["wrong typ"] = "ERR_JWT_CLAIM_VALIDATION_FAILED",
        ["one flipped signature byte"] = "ERR_JWS_SIGNATURE_VERIFICATION_FAILED",
    };

    /// <summary>What JwtBearer's challenge says for each case (its error_description; typ failures carry none).</summary>
    public static readonly IReadOnlyDictionary<string, string> ExpectedDotNetChallenges = new Dictionary<string, string>
    {
        ["alg none"] = "The signature is invalid",
        ["alg None"] = "The signature is invalid",
        ["alg NONE"] = "The signature is invalid",
        ["HS256 signed with the published public key"] = "The signature is invalid",
        [AlgOffTheList] = "The signature is invalid",
        ["unknown kid"] = "The signature key was not found",
        ["jku header pointing elsewhere"] = "The signature key was not found",
        ["x5u header pointing elsewhere"] = "The signature key was not found",
        ["embedded jwk header"] = "The signature key was not found",
        ["embedded jwk header with the published kid"] = "The signature is invalid",
        ["expired"] = "The token expired at",
        ["nbf in the future"] = "The token is not valid before",
        ["wrong iss"] = "The issuer 'https://wrong-issuer.example' is invalid",
        ["wrong aud"] = "The audience",
        ["wrong typ"] = "error=\"invalid_token\"",
        ["one flipped signature byte"] = "The signature is invalid",
    };

    private readonly TestDatabase _database = new();

    public RunningService Service { get; private set; } = null!;

    public ResourceServer Es256Server { get; private set; } = null!;

    public ResourceServer Es384OnlyServer { get; private set; } = null!;

    /// <summary>A genuine /token answer, and one built with the service's key and the test's header (both must verify).</summary>
    public string ValidToken { get; private set; } = string.Empty;

    public string ValidHandBuiltToken { get; private set; } = string.Empty;

    public string ValidUserId { get; private set; } = string.Empty;

    public Dictionary<string, string> Cases { get; } = [];

    public IReadOnlyDictionary<string, Verdict> Jose { get; private set; } = new Dictionary<string, Verdict>();

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        var port = PostgresCluster.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var now = DateTimeOffset.UtcNow;

        // An instance whose clock is two hours behind creates the first key, so that key was already
        // active then: tokens it issues are validly signed and long expired.
        await using (var past = InProcessService.Create(_database.ConnectionString, baseUrl, now.AddHours(-2)))
        {
            Cases["expired"] = await InProcessService.TokenAsync(past, "expired@example.com");
        }

        Service = await RunningService.StartAsync(_database.ConnectionString, port: port);
        (ValidToken, ValidUserId, _) = await Service.SignUpAndGetTokenAsync("valid@example.com");

        await using (var future = InProcessService.Create(_database.ConnectionString, baseUrl, now.AddHours(1)))
        {
            Cases["nbf in the future"] = await InProcessService.TokenAsync(future, "future@example.com");
        }

        await using (var otherIssuer = InProcessService.Create(_database.ConnectionString, baseUrl, settings: new Dictionary<string, string?> { ["Auth:Jwt:Issuer"] = "https://wrong-issuer.example" }))
        {
            Cases["wrong iss"] = await InProcessService.TokenAsync(otherIssuer, "issuer@example.com");
        }

        await using (var otherAudience = InProcessService.Create(_database.ConnectionString, baseUrl, settings: new Dictionary<string, string?> { ["Auth:Jwt:Audience"] = "https://another-api.example" }))
        {
            Cases["wrong aud"] = await InProcessService.TokenAsync(otherAudience, "audience@example.com");
        }

        await using (var sameKeys = InProcessService.Create(_database.ConnectionString, baseUrl))
        {
            _ = sameKeys.CreatePlainClient();
            var key = sameKeys.Services.GetRequiredService<SigningKeyRing>().ActiveSigningKey() ?? throw new InvalidOperationException("no active key");
            var payload = TokenForge.Payload(ValidToken);
            Cases["wrong typ"] = TokenForge.SignWithServiceKey(key, new JsonObject { ["alg"] = "ES256", ["kid"] = key.KeyId, ["typ"] = "JWT" }, payload);
            ValidHandBuiltToken = TokenForge.SignWithServiceKey(key, new JsonObject { ["alg"] = "ES256", ["kid"] = key.KeyId, ["typ"] = "at+jwt" }, payload);
        }

        var jwks = JsonNode.Parse(await Service.Http.GetStringAsync("/.well-known/jwks.json"))!;
        var published = jwks["keys"]![0]!.AsObject();
        var kid = published["kid"]!.GetValue<string>();
        using var forge = new TokenForge();
        foreach (var alg in new[] { "none", "None", "NONE" })
        {
            Cases[$"alg {alg}"] = TokenForge.WithoutSignature(ValidToken, alg);
        }

        Cases["HS256 signed with the published public key"] = TokenForge.Hs256WithPublicKey(ValidToken, published);
        Cases[AlgOffTheList] = ValidToken;
        Cases["unknown kid"] = forge.SignedByAttacker(ValidToken, "attacker-key");
        Cases["jku header pointing elsewhere"] = forge.SignedByAttacker(ValidToken, "attacker-jku", new JsonObject { ["jku"] = "http://127.0.0.1:9/jwks.json" });
        Cases["x5u header pointing elsewhere"] = forge.SignedByAttacker(ValidToken, "attacker-x5u", new JsonObject { ["x5u"] = "http://127.0.0.1:9/cert.pem" });
        Cases["embedded jwk header"] = forge.SignedByAttacker(ValidToken, "attacker-jwk", new JsonObject { ["jwk"] = forge.AttackerJwk() });
        Cases["embedded jwk header with the published kid"] = forge.SignedByAttacker(ValidToken, kid, new JsonObject { ["jwk"] = forge.AttackerJwk() });
        Cases["one flipped signature byte"] = TokenForge.FlipSignatureByte(ValidToken);

        Es256Server = await ResourceServer.StartAsync(Service.BaseUrl, Service.BaseUrl, "ES256");
        Es384OnlyServer = await ResourceServer.StartAsync(Service.BaseUrl, Service.BaseUrl, "ES384");

        var tokens = Cases.Select(c => new TokenCase(c.Key, c.Value, c.Key == AlgOffTheList ? ["ES384"] : null))
            .Append(new TokenCase("valid", ValidToken))
            .Append(new TokenCase("valid, hand-built", ValidHandBuiltToken))
            .ToArray();
        Jose = await Verifiers.JoseAsync(Service.JwksUrl, Service.BaseUrl, [Service.BaseUrl], ["ES256"], tokens);
    }

    public async ValueTask DisposeAsync()
    {
        if (Es384OnlyServer is not null)
        {
            await Es384OnlyServer.DisposeAsync();
        }

        if (Es256Server is not null)
        {
            await Es256Server.DisposeAsync();
        }

        if (Service is not null)
        {
            await Service.DisposeAsync();
        }

        await _database.DisposeAsync();
    }
}
