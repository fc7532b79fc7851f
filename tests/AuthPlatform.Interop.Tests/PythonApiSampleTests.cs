using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// samples/python-api (FastAPI + PyJWT's PyJWKClient under Debian's Python) against the real binary:
/// it accepts the service's token, refuses each bad one with its reason in WWW-Authenticate, and keeps
/// working across an emergency signing-key rotation.
/// </summary>
public sealed class PythonApiSampleTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Accepts_the_services_token_refuses_each_bad_one_with_its_reason_and_survives_a_key_rotation()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        var port = PostgresCluster.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";

        // The first key is created by an instance whose clock is two hours behind: its tokens are
        // signed by the published key and long expired.
        string expired;
        await using (var past = InProcessService.Create(database.ConnectionString, baseUrl, DateTimeOffset.UtcNow.AddHours(-2)))
        {
            expired = await InProcessService.TokenAsync(past, "expired@example.com");
        }

        await using var service = await RunningService.StartAsync(database.ConnectionString, port: port, extra: new Dictionary<string, string?>
        {
            ["Auth__Jwt__Keys__RefreshInterval"] = "00:00:01",
        });
        var (valid, userId, sessionToken) = await service.SignUpAndGetTokenAsync("python@example.com");
        string otherAudience;
        await using (var other = InProcessService.Create(database.ConnectionString, baseUrl, settings: new Dictionary<string, string?> { ["Auth:Jwt:Audience"] = "https://another-api.example" }))
        {
            otherAudience = await InProcessService.TokenAsync(other, "audience@example.com");
        }

        using var forge = new TokenForge();
        var unknownKey = forge.SignedByAttacker(valid, "attacker-key");

        await using var api = await ResourceServer.StartPythonAsync(service.BaseUrl, service.BaseUrl, new Dictionary<string, string>
        {
            ["RS_ALGORITHMS"] = "ES256",
            ["RS_JWKS_MIN_REFRESH_SECONDS"] = "1",
        });

        var accepted = await api.CallAsync(valid);
        Assert.True(accepted.Status == HttpStatusCode.OK, $"{accepted.Status} {accepted.Challenge}\n{api.Output}");
        Assert.Equal(userId, accepted.Sub);
        Assert.Equal(TokenForge.Payload(valid)["sid"]!.GetValue<string>(), accepted.Sid);

        foreach (var (name, token, reason) in new[]
        {
            ("expired", expired, "expired"),
            ("another audience", otherAudience, "wrong_audience"),
            ("signed by an unknown key", unknownKey, "unknown_key"),
            ("a session token presented as a JWT", sessionToken, "malformed"),
        })
        {
            var refused = await api.CallAsync(token);
            output.WriteLine($"{name}: {(int)refused.Status} {refused.Challenge}");
            Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
            Assert.Equal($"Bearer realm=\"python-api\", error=\"invalid_token\", error_description=\"{reason}\"", refused.Challenge);
        }

        // Emergency rotation: the service signs with a new key at once; the sample meets an unknown
        // kid, fetches the JWKS again and accepts the new token, and the old one still verifies.
        var rotation = await service.RunCommandAsync("rotate-keys", "--now");
        Assert.True(rotation.ExitCode == 0, rotation.Output);
        var oldKid = TokenForge.Header(valid)["kid"]!.GetValue<string>();
        var rotated = await TokenSignedByAnotherKeyAsync(service, sessionToken, oldKid);
        await Task.Delay(TimeSpan.FromSeconds(1.1)); // past the sample's refetch floor (the unknown-key case used it)
        var afterRotation = await api.CallAsync(rotated);
        Assert.True(afterRotation.Status == HttpStatusCode.OK, $"{afterRotation.Status} {afterRotation.Challenge}\n{api.Output}");
        Assert.Equal(userId, afterRotation.Sub);
        Assert.Equal(HttpStatusCode.OK, (await api.CallAsync(valid)).Status);
    }

    private static async Task<string> TokenSignedByAnotherKeyAsync(RunningService service, string sessionToken, string oldKid)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var token = await service.GetTokenAsync(sessionToken);
            if (TokenForge.Header(token)["kid"]!.GetValue<string>() != oldKid)
            {
                return token;
            }

            Assert.True(DateTime.UtcNow < deadline, "the service still signs with the old key 30 s after rotate-keys --now");
            await Task.Delay(200);
        }
    }
}
