using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// BetterAuth's own JavaScript client, unchanged, signs in with an identity provider, links and unlinks a
/// provider's account against the real service binary and a real OpenID Connect provider (oidc-provider),
/// which the service knows under two provider ids (tests/clients/betterauth-client/social.mjs).
/// </summary>
public sealed class BetterAuthSocialClientTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Sign_in_linking_and_unlinking_with_an_identity_provider_work_with_the_BetterAuth_client()
    {
        NodeScript.RequirePackage("betterauth-client", "better-auth");
        var port = PostgresCluster.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        await using var provider = await OidcProvider.StartAsync($"{baseUrl}/api/auth/callback/test", $"{baseUrl}/api/auth/callback/second");
        await using var database = new TestDatabase();
        await database.InitializeAsync();

        var settings = new Dictionary<string, string?>();
        foreach (var (key, value) in provider.ServiceSettings("test").Concat(provider.ServiceSettings("second")))
        {
            settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        settings["Auth__Social__Providers__second__Name"] = "Second IdP";
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", settings, port);

        // The password user who links a provider's account has a verified address (linking needs one).
        const string linkingUser = "link-check@example.com";
        await service.CreateVerifiedUserAsync(database, linkingUser, "correct horse battery staple", "Link Check");

        var outcome = await NodeScript.RunAsync("betterauth-client", "social.mjs", [service.PublicUrl, provider.Issuer, linkingUser], TimeSpan.FromMinutes(3));
        output.WriteLine(outcome.StandardOutput);

        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- service log\n{service.Process.StandardOutput}");
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.True(lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)) >= 25, outcome.ToString());
        Assert.Equal("all checks passed", lines[^1].Trim());

        // The refusals left no user behind and linked nothing to the wrong person.
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM users"));
    }
}
