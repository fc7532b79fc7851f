using AuthPlatform.Testing;
using AuthPlatform.Testing.Faults;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// doctor's signing-key checks through the real binary, next to a running service: a good deployment
/// passes and shows the key schedule; a secret that did not encrypt the ring, a ring without an active key,
/// an unreachable JWKS, a JWKS that lacks a key of the ring and an issuer other than the one the service
/// advertises each fail on the check that names that problem.
/// </summary>
public sealed class DoctorKeyChecksTests(RunningDeployment deployment) : IClassFixture<RunningDeployment>
{
    [Fact]
    public async Task A_running_deployment_passes_the_key_checks_and_shows_the_schedule()
    {
        var kid = await deployment.Database.ScalarAsync<string>("select id from signing_keys");

        var result = await DoctorAsync(deployment.Environment());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("[ ok ] key-encryption", Line(result, "key-encryption"), StringComparison.Ordinal);
        Assert.Contains("1 signing key(s) that sign now or will sign decrypt with the current secret", Line(result, "key-encryption"), StringComparison.Ordinal);
        var keys = Line(result, "signing-keys");
        Assert.StartsWith("[ ok ] signing-keys", keys, StringComparison.Ordinal);
        Assert.Contains($"active {kid} (ES256) since ", keys, StringComparison.Ordinal);
        Assert.Contains("no next key yet: due to be created ", keys, StringComparison.Ordinal);
        Assert.StartsWith("[ ok ] issuer", Line(result, "issuer"), StringComparison.Ordinal);
        Assert.Contains($"issuer {deployment.BaseUrl} (the base URL's origin); advertised by the running service", Line(result, "issuer"), StringComparison.Ordinal);
        Assert.StartsWith("[ ok ] jwks", Line(result, "jwks"), StringComparison.Ordinal);
        Assert.Contains($"{deployment.BaseUrl}/.well-known/jwks.json (advertised by the discovery document) serves the same 1 key(s) the database publishes", Line(result, "jwks"), StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Secret, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_that_did_not_encrypt_the_ring_fails_naming_the_key_and_a_previous_one_warns()
    {
        var kid = await deployment.Database.ScalarAsync<string>("select id from signing_keys");
        var wrong = deployment.Environment();
        wrong["AUTH_SECRET"] = TestSettings.OtherSecret;

        var result = await DoctorAsync(wrong);

        Assert.Equal(1, result.ExitCode);
        var line = Line(result, "key-encryption");
        Assert.StartsWith("[FAIL] key-encryption", line, StringComparison.Ordinal);
        Assert.Contains($"signing key {kid} (active) was encrypted under a secret that is not configured: the configured secret (#1, the current one) does not decrypt it", line, StringComparison.Ordinal);
        Assert.Contains("-> fix: add the secret that encrypted it back to AUTH_SECRETS", line, StringComparison.Ordinal);
        Assert.StartsWith("[ ok ] signing-keys", Line(result, "signing-keys"), StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.OtherSecret, result.All, StringComparison.Ordinal);

        // The same secret as the second entry, after a new current one: works, until that entry is dropped.
        var rotating = deployment.Environment();
        rotating.Remove("AUTH_SECRET");
        rotating["AUTH_SECRETS"] = $"{TestSettings.OtherSecret},{TestSettings.Secret}";
        var during = await DoctorAsync(rotating, "--offline");

        Assert.True(during.ExitCode == 0, during.ToString());
        var warning = Line(during, "key-encryption");
        Assert.StartsWith("[warn] key-encryption", warning, StringComparison.Ordinal);
        Assert.Contains($"signing key(s) {kid} are encrypted under secret #2 of AUTH_SECRETS, not the current one", warning, StringComparison.Ordinal);
        Assert.Contains("run `rotate-keys`", warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_public_url_fails_the_jwks_check_and_offline_skips_it()
    {
        var environment = deployment.Environment();
        environment["AUTH_BASE_URL"] = $"http://127.0.0.1:{PostgresCluster.FreePort()}";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        var jwks = Line(result, "jwks");
        Assert.StartsWith("[FAIL] jwks", jwks, StringComparison.Ordinal);
        Assert.Contains("/.well-known/jwks.json (where this version advertises it) cannot be read: it is not reachable", jwks, StringComparison.Ordinal);
        Assert.Contains("-> fix: make the public URL reach the service", jwks, StringComparison.Ordinal);
        Assert.StartsWith("[ ok ] issuer", Line(result, "issuer"), StringComparison.Ordinal);
        Assert.Contains("its discovery document could not be read", Line(result, "issuer"), StringComparison.Ordinal);

        var offline = await DoctorAsync(environment, "--offline");
        Assert.True(offline.ExitCode == 0, offline.ToString());
        Assert.StartsWith("[skip] jwks", Line(offline, "jwks"), StringComparison.Ordinal);
        Assert.Contains("not compared with the running service (--offline)", Line(offline, "issuer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_issuer_other_than_the_one_the_running_service_advertises_fails()
    {
        var environment = deployment.Environment();
        environment["AUTH_JWT_ISSUER"] = "https://issuer.example.com";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        var issuer = Line(result, "issuer");
        Assert.StartsWith("[FAIL] issuer", issuer, StringComparison.Ordinal);
        Assert.Contains($"advertises issuer '{deployment.BaseUrl}', but this configuration issues 'https://issuer.example.com'", issuer, StringComparison.Ordinal);
        Assert.Contains("-> fix: give doctor and every instance the same AUTH_BASE_URL and AUTH_JWT_ISSUER", issuer, StringComparison.Ordinal);
        Assert.StartsWith("[ ok ] jwks", Line(result, "jwks"), StringComparison.Ordinal);

        // Set explicitly and offline, another issuer is allowed: the contract permits an explicit issuer.
        var offline = await DoctorAsync(environment, "--offline");
        Assert.StartsWith("[ ok ] issuer", Line(offline, "issuer"), StringComparison.Ordinal);
        Assert.Contains($"issuer https://issuer.example.com, set by AUTH_JWT_ISSUER (the base URL's origin is {deployment.BaseUrl})", Line(offline, "issuer"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_ring_without_an_active_key_fails_signing_keys_until_rotate_keys_now()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var environment = OperatorCli.GoodEnvironment(database.ConnectionString);
        Assert.Equal(0, (await OperatorCli.RunAsync(environment, "rotate-keys")).ExitCode);
        var kid = await database.ScalarAsync<string>("select id from signing_keys");
        await database.ScalarAsync<int>("update signing_keys set retires_at = now() - interval '1 hour', removes_at = now() + interval '1 day' returning 1");

        var result = await DoctorAsync(environment, "--offline");

        Assert.Equal(1, result.ExitCode);
        var keys = Line(result, "signing-keys");
        Assert.StartsWith("[FAIL] signing-keys", keys, StringComparison.Ordinal);
        Assert.Contains($"no signing key is active: /token answers 503 and get-session sends no JWT (keys: {kid} retired ", keys, StringComparison.Ordinal);
        Assert.Contains("-> fix: run `rotate-keys --now`", keys, StringComparison.Ordinal);

        Assert.Equal(0, (await OperatorCli.RunAsync(environment, "rotate-keys", "--now")).ExitCode);
        var repaired = await DoctorAsync(environment, "--offline");
        Assert.True(repaired.ExitCode == 0, repaired.ToString());
        Assert.StartsWith("[ ok ] signing-keys", Line(repaired, "signing-keys"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jwks_that_lacks_a_key_of_the_ring_fails_naming_the_key()
    {
        // An instance that looks for key changes only hourly keeps serving the ring it loaded.
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        const string refreshInterval = "01:00:00";
        await using var service = await ServiceInstance.StartAsync(database.ConnectionString, new Dictionary<string, string?> { ["Auth__Jwt__Keys__RefreshInterval"] = refreshInterval });
        var rotation = await service.RunCommandAsync("rotate-keys");
        Assert.True(rotation.ExitCode == 0, rotation.Output + rotation.Errors);
        var successor = await database.ScalarAsync<string>("select id from signing_keys where succeeds_key_id is not null");
        var environment = OperatorCli.GoodEnvironment(database.ConnectionString);
        environment["AUTH_BASE_URL"] = service.BaseAddress.GetLeftPart(UriPartial.Authority);
        environment["Auth__Jwt__Keys__RefreshInterval"] = refreshInterval;

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        var jwks = Line(result, "jwks");
        Assert.StartsWith("[FAIL] jwks", jwks, StringComparison.Ordinal);
        Assert.Contains($"lacks {successor}, which the database publishes", jwks, StringComparison.Ordinal);
        Assert.Contains("if a rotation ran in the last 3600 s", jwks, StringComparison.Ordinal);
        Assert.Contains($"next {successor} (ES256) published, signs from ", Line(result, "signing-keys"), StringComparison.Ordinal);
    }

    private static Task<CliResult> DoctorAsync(Dictionary<string, string?> environment, params string[] options) =>
        OperatorCli.RunAsync(environment, ["doctor", .. options]);

    private static string Line(CliResult result, string check) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 7 && l[7..].StartsWith(check + " ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line for the {check} check:\n{result}");
}
