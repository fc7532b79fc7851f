using System.Text.Json.Nodes;
using AuthPlatform.Testing.Faults;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.FaultTests;

/// <summary>
/// Three instances on one database share one key ring: a JWT issued by any instance verifies against the
/// JWKS served by every instance (3 x 3, checked by Microsoft.IdentityModel, as a .NET resource server
/// would); instances starting together and rotations run together create exactly one key each time; a
/// routine rotation is published by every instance, and an emergency rotation makes every instance sign
/// with the new key, within the refresh interval.
/// </summary>
public sealed class ThreeInstanceTokenTests(ITestOutputHelper output)
{
    // Behind one load balancer the instances share one issuer and audience (here set explicitly: each
    // instance listens on a port of its own, so their base URLs differ).
    private const string Issuer = "https://auth.fleet.example";
    private const string Audience = "orders-api";
    private static readonly TimeSpan Propagation = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Jwts_from_any_instance_verify_against_the_jwks_of_every_instance_and_concurrent_rotations_create_one_key()
    {
        await using var bed = await FaultTestBed.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["AUTH_JWT_ISSUER"] = Issuer,
            ["AUTH_JWT_AUDIENCE"] = Audience,
            ["Auth__Jwt__Keys__RefreshInterval"] = "00:00:01",
        };

        // Started together on an empty key table: every start-up runs a rotation at the same moment.
        var instances = await StartTogetherAsync(bed.ServiceDatabaseUrl, settings);
        await using var first = instances[0];
        await using var second = instances[1];
        await using var third = instances[2];
        var recorder = new LoadRecorder();
        var traffic = instances.Select(i => new AuthTraffic(i.BaseAddress, recorder)).ToArray();
        try
        {
            Assert.Equal(1, await KeyCountAsync(bed));
            var user = (await FaultTestBed.SignUpUsersAsync(traffic[0], 1, "jwt-fleet"))[0];
            var firstKid = await CrossVerifyAsync(traffic, user, "after start-up");

            // Routine rotation, run by three operators at once: one successor, published everywhere.
            var rotations = await Task.WhenAll(instances.Select(i => i.RunCommandAsync("rotate-keys")));
            foreach (var rotation in rotations)
            {
                output.WriteLine($"rotate-keys exited {rotation.ExitCode}: {rotation.Output.Trim()} {rotation.Errors.Trim()}");
            }

            Assert.All(rotations, r => Assert.Equal(0, r.ExitCode));
            Assert.Single(rotations, r => r.Output.Contains("Created signing key", StringComparison.Ordinal));
            Assert.Equal(2, await KeyCountAsync(bed));
            Assert.Equal(1, await DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString, "select count(*) from signing_keys where succeeds_key_id is not null"));
            var successor = await DatabaseAdmin.ScalarAsync<string>(bed.ConnectionString, "select id from signing_keys where succeeds_key_id is not null");
            await WaitUntilAsync(traffic, async t => KeyIds(await t.JwksAsync()).Contains(successor), "every instance publishes the new key");
            Assert.Equal(firstKid, await CrossVerifyAsync(traffic, user, "after a routine rotation (new key published, not yet signing)"));

            // Emergency rotation: the new key signs at once on every instance; tokens of the old keys still verify.
            var emergency = await third.RunCommandAsync("rotate-keys", "--now");
            Assert.True(emergency.ExitCode == 0, emergency.Output + emergency.Errors);
            var emergencyKid = await DatabaseAdmin.ScalarAsync<string>(bed.ConnectionString, "select id from signing_keys order by created_at desc limit 1");
            await WaitUntilAsync(traffic, async t => await t.JwtAsync(0, user) is { } jwt && new JsonWebToken(jwt).Kid == emergencyKid, "every instance signs with the emergency key");
            Assert.Equal(emergencyKid, await CrossVerifyAsync(traffic, user, "after an emergency rotation"));
            Assert.Equal(3, await KeyCountAsync(bed));
        }
        finally
        {
            foreach (var t in traffic)
            {
                t.Dispose();
            }
        }

        output.WriteLine(recorder.Summary());
        Assert.DoesNotContain(recorder.Results, r => r.Status != 200);
    }

    /// <summary>
    /// A token from each instance, checked against the JWKS of each instance (9 validations); returns the
    /// one kid every instance signs with. A tampered token is refused, so the check can fail.
    /// </summary>
    private async Task<string> CrossVerifyAsync(AuthTraffic[] traffic, Credentials user, string when)
    {
        var tokens = new List<string>();
        foreach (var t in traffic)
        {
            tokens.Add(await t.JwtAsync(0, user) ?? throw new Xunit.Sdk.XunitException($"{t.BaseAddress} issued no token {when}"));
        }

        var keySets = new List<JsonWebKeySet>();
        foreach (var t in traffic)
        {
            keySets.Add(new JsonWebKeySet(await t.JwksAsync()));
        }

        var handler = new JsonWebTokenHandler();
        for (var i = 0; i < tokens.Count; i++)
        {
            for (var j = 0; j < keySets.Count; j++)
            {
                var result = await handler.ValidateTokenAsync(tokens[i], Parameters(keySets[j]));
                Assert.True(result.IsValid, $"{when}: the token of instance {i + 1} did not verify against the JWKS of instance {j + 1}: {result.Exception?.Message}");
                Assert.Equal(user.UserId, ((JsonWebToken)result.SecurityToken).Subject);
            }
        }

        var parts = tokens[0].Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        Assert.False((await handler.ValidateTokenAsync(tampered, Parameters(keySets[1]))).IsValid, "a token with a forged signature verified");

        var kids = tokens.Select(t => new JsonWebToken(t).Kid).Distinct().ToList();
        output.WriteLine($"{when}: 3 x 3 tokens verified; signing kid {string.Join(", ", kids)}; JWKS kids {string.Join(", ", keySets[0].Keys.Select(k => k.Kid))}");
        Assert.Single(kids);
        Assert.All(keySets, set => Assert.Equal(keySets[0].Keys.Select(k => k.Kid).Order(), set.Keys.Select(k => k.Kid).Order()));
        return kids[0];
    }

    private static TokenValidationParameters Parameters(JsonWebKeySet keys) => new()
    {
        ValidIssuer = Issuer,
        ValidAudience = Audience,
        IssuerSigningKeys = keys.GetSigningKeys(),
        ValidTypes = ["at+jwt"],
        ValidateLifetime = true,
    };

    private static List<string> KeyIds(string jwks) =>
        JsonNode.Parse(jwks)!["keys"]!.AsArray().Select(k => k!["kid"]!.GetValue<string>()).ToList();

    private static Task<long> KeyCountAsync(FaultTestBed bed) =>
        DatabaseAdmin.ScalarAsync<long>(bed.ConnectionString, "select count(*) from signing_keys");

    private static async Task WaitUntilAsync(AuthTraffic[] traffic, Func<AuthTraffic, Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow + Propagation;
        foreach (var t in traffic)
        {
            while (!await condition(t))
            {
                Assert.True(DateTime.UtcNow < deadline, $"not within {Propagation.TotalSeconds:0} s: {what} ({t.BaseAddress})");
                await Task.Delay(200);
            }
        }
    }

    private static async Task<ServiceInstance[]> StartTogetherAsync(string databaseUrl, IReadOnlyDictionary<string, string?> settings)
    {
        var starting = Enumerable.Range(0, 3).Select(_ => ServiceInstance.StartAsync(databaseUrl, settings)).ToArray();
        try
        {
            return await Task.WhenAll(starting);
        }
        catch
        {
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }

            throw;
        }
    }
}
