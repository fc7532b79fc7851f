using System.Text.Json.Nodes;
using AuthPlatform.Testing;
using Npgsql;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// doctor through the binary's entry point (the first test through the real binary): a good deployment
/// (the service running on its database, reachable at its public URL) passes (exit 0); each deliberately
/// broken one fails (exit 1) on the check that names its problem, with the fix on the same line. The signing-key checks have tests of their own (DoctorKeyChecksTests).
/// </summary>
public sealed class DoctorCommandTests(RunningDeployment deployment) : IClassFixture<RunningDeployment>
{
    private static readonly string[] CheckNames =
        ["configuration", "secret", "database", "database-pool", "session-listener", "migrations", "key-encryption", "signing-keys", "issuer", "jwks", "clock", "cookies", "mail", "oidc-providers", "audit-trail"];


    [Fact]
    public async Task A_good_configuration_passes_every_check()
    {
        // The real binary next to the running service, as an operator runs doctor.
        var result = await OperatorCli.RunProcessAsync(Good(), "doctor");

        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var name in CheckNames.Where(n => n != "database"))
        {
            Assert.StartsWith("[ ok ]", Line(result, name), StringComparison.Ordinal);
        }

        // The round trip depends on the load of the machine: a slow one is a warning, never a failure.
        Assert.Matches(@"^\[( ok |warn)\] database +PostgreSQL \d+", Line(result, "database"));
        Assert.Contains("Healthy: ", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.Secret, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_output_lists_every_check_in_order_with_its_status()
    {
        var result = await DoctorAsync(Good(), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.Output)!;
        Assert.True(report["healthy"]!.GetValue<bool>());
        Assert.Equal(CheckNames, report["checks"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
        Assert.All(report["checks"]!.AsArray(), c => Assert.Contains(c!["status"]!.GetValue<string>(), new[] { "pass", "warn" }));
    }

    [Fact]
    public async Task A_missing_secret_fails_the_secret_check_alone()
    {
        var environment = Good();
        environment.Remove("AUTH_SECRET");

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] secret", Line(result, "secret"), StringComparison.Ordinal);
        Assert.Contains("AUTH_SECRET is missing", Line(result, "secret"), StringComparison.Ordinal);
        Assert.Contains("-> fix: ", Line(result, "secret"), StringComparison.Ordinal);
        Assert.StartsWith("[ ok ]", Line(result, "configuration"), StringComparison.Ordinal);
        Assert.StartsWith("[ ok ]", Line(result, "migrations"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0123456789", "too short: it has 10 characters")]
    [InlineData("abababababababababababababababababababab", "too predictable")]
    public async Task A_weak_secret_fails_with_its_weakness_named(string secret, string expected)
    {
        var environment = Good();
        environment["AUTH_SECRET"] = secret;

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] secret", Line(result, "secret"), StringComparison.Ordinal);
        Assert.Contains(expected, Line(result, "secret"), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_fails_and_the_checks_that_need_it_are_skipped()
    {
        var environment = Good();
        environment["DATABASE_URL"] = $"postgres://postgres@127.0.0.1:{PostgresCluster.FreePort()}/nowhere";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] database", Line(result, "database"), StringComparison.Ordinal);
        Assert.Contains("did not answer", Line(result, "database"), StringComparison.Ordinal);
        Assert.Contains("-> fix: check DATABASE_URL", Line(result, "database"), StringComparison.Ordinal);
        foreach (var name in new[] { "database-pool", "session-listener", "migrations", "key-encryption", "signing-keys", "clock" })
        {
            Assert.StartsWith("[skip]", Line(result, name), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Pending_migrations_fail_and_name_the_migrate_command()
    {
        var empty = await CreateEmptyDatabaseAsync();
        var environment = Good();
        environment["DATABASE_URL"] = empty;

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] migrations", Line(result, "migrations"), StringComparison.Ordinal);
        Assert.Contains("not applied: ", Line(result, "migrations"), StringComparison.Ordinal);
        Assert.Contains("`migrate`", Line(result, "migrations"), StringComparison.Ordinal);
        Assert.StartsWith("[ ok ]", Line(result, "clock"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_frontend_on_another_site_with_samesite_lax_cookies_fails_the_cookie_check()
    {
        var environment = Good();
        environment["AUTH_BASE_URL"] = "https://auth.example.com";
        environment["AUTH_TRUSTED_ORIGINS"] = "https://app.example.com,https://shop.example.org";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        var cookies = Line(result, "cookies");
        Assert.StartsWith("[FAIL] cookies", cookies, StringComparison.Ordinal);
        Assert.Contains("https://shop.example.org is on another site", cookies, StringComparison.Ordinal);
        Assert.DoesNotContain("app.example.com is", cookies, StringComparison.Ordinal);
        Assert.Contains("AUTH_COOKIE_MODE=CrossSite", cookies, StringComparison.Ordinal);

        environment["AUTH_COOKIE_MODE"] = "CrossSite";
        var fixedUp = await DoctorAsync(environment);
        Assert.StartsWith("[ ok ] cookies", Line(fixedUp, "cookies"), StringComparison.Ordinal);
        Assert.Contains("__Host-better-auth.session_token (SameSite=None; Secure; Partitioned)", Line(fixedUp, "cookies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookie_variables_win_over_the_defaults_in_appsettings_json()
    {
        // appsettings.json sets Auth:Cookies:Mode and :Prefix; the AUTH_* variables must still decide.
        var environment = Good();
        environment["AUTH_COOKIE_PREFIX"] = "my-app";
        environment["AUTH_COOKIE_MODE"] = "CrossSite";
        environment["AUTH_BASE_URL"] = "https://auth.example.com";
        environment["AUTH_TRUSTED_ORIGINS"] = "https://shop.example.org";

        var result = await DoctorAsync(environment);

        Assert.Contains("__Host-my-app.session_token (SameSite=None; Secure; Partitioned)", Line(result, "cookies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cookies_that_are_not_secure_on_an_https_base_url_fail()
    {
        var environment = Good();
        environment["AUTH_BASE_URL"] = "https://auth.example.com";
        environment["AUTH_COOKIE_SECURE"] = "false";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("not Secure", Line(result, "cookies"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_http_public_url_cannot_carry_cross_site_cookies()
    {
        var environment = Good();
        environment["AUTH_BASE_URL"] = "http://auth.example.com";
        environment["AUTH_COOKIE_MODE"] = "CrossSite";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        var cookies = Line(result, "cookies");
        Assert.StartsWith("[FAIL] cookies", cookies, StringComparison.Ordinal);
        Assert.Contains("http://auth.example.com is plain http, but cookies are Secure", result.Output, StringComparison.Ordinal);

        // Reported once, under cookies, not again under configuration.
        Assert.StartsWith("[ ok ] configuration", Line(result, "configuration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pool_larger_than_the_server_allows_fails()
    {
        var environment = Good();
        environment["Database__MaxPoolSize"] = "900";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] database-pool", Line(result, "database-pool"), StringComparison.Ordinal);
        Assert.Contains("MaxPoolSize is 900, but the server accepts only", Line(result, "database-pool"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_pooler_url_without_the_pooler_setting_fails()
    {
        var environment = Good();
        environment["DATABASE_URL"] = BetterAuthScenario.UrlOf(new NpgsqlConnectionStringBuilder(deployment.Database.ConnectionString)) + "?pgbouncer=true";

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("points at a connection pooler (pgbouncer=true)", Line(result, "database-pool"), StringComparison.Ordinal);

        environment["Database__Pooler"] = "true";
        Assert.StartsWith("[ ok ] database-pool", Line(await DoctorAsync(environment), "database-pool"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listener_url_through_a_transaction_pooler_fails_the_session_listener_check()
    {
        var direct = new NpgsqlConnectionStringBuilder(deployment.Database.ConnectionString);
        await using var bouncer = await AuthPlatform.Testing.Faults.PgBouncer.StartAsync(direct.Port, serverConnections: 2);
        var environment = Good();
        environment["DATABASE_LISTEN_URL"] = bouncer.ConnectionString(direct.Database!);

        var result = await DoctorAsync(environment);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("[FAIL] session-listener", Line(result, "session-listener"), StringComparison.Ordinal);
        Assert.Contains("receives no notifications", Line(result, "session-listener"), StringComparison.Ordinal);
        Assert.Contains("-> fix: point DATABASE_LISTEN_URL at PostgreSQL directly", Line(result, "session-listener"), StringComparison.Ordinal);

        environment.Remove("DATABASE_LISTEN_URL");
        Assert.StartsWith("[ ok ] session-listener", Line(await DoctorAsync(environment), "session-listener"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_smtp_server_that_does_not_answer_fails_the_mail_check_and_a_live_one_passes()
    {
        var environment = Good();
        environment["AUTH_SMTP_HOST"] = "127.0.0.1";
        environment["AUTH_SMTP_PORT"] = PostgresCluster.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        environment["AUTH_SMTP_TLS"] = "None";
        environment["AUTH_SMTP_FROM"] = "AuthPlatform <no-reply@example.com>";

        var refused = await DoctorAsync(environment);

        Assert.Equal(1, refused.ExitCode);
        Assert.StartsWith("[FAIL] mail", Line(refused, "mail"), StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{environment["AUTH_SMTP_PORT"]}", Line(refused, "mail"), StringComparison.Ordinal);
        Assert.Contains("-> fix: check AUTH_SMTP_HOST", Line(refused, "mail"), StringComparison.Ordinal);

        await using var inbox = await MailCatcher.StartAsync();
        environment["AUTH_SMTP_PORT"] = inbox.SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accepted = await DoctorAsync(environment);

        Assert.True(accepted.ExitCode == 0, accepted.ToString());
        Assert.StartsWith("[ ok ] mail", Line(accepted, "mail"), StringComparison.Ordinal);
        Assert.Contains("accepted the connection", Line(accepted, "mail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_an_smtp_server_the_mail_check_says_mail_is_off()
    {
        var result = await DoctorAsync(Good());

        Assert.StartsWith("[ ok ] mail", Line(result, "mail"), StringComparison.Ordinal);
        Assert.Contains("mail is off", Line(result, "mail"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_server_with_our_issuer_audience_and_jwks_url_passes()
    {
        var ours = deployment.BaseUrl;
        var result = await DoctorAsync(Good(), "--resource-server", $"{ours},{ours},{ours}/api/auth/jwks");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.StartsWith("[ ok ] resource-server", Line(result, "resource-server"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_resource_server_with_other_settings_fails_with_each_difference_named()
    {
        var ours = deployment.BaseUrl;
        var result = await DoctorAsync(Good(), "--resource-server", $"{ours}/,orders-api,{ours}/jwks");

        Assert.Equal(1, result.ExitCode);
        Assert.Matches(@"^\[FAIL\] resource-server +3 problems", Line(result, "resource-server")); // names are padded to the longest
        Assert.Contains("differ only by a trailing slash", result.Output, StringComparison.Ordinal);
        Assert.Contains("expects audience 'orders-api'", result.Output, StringComparison.Ordinal);
        Assert.Contains($"use {ours}/api/auth/jwks", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://auth.example.com,https://auth.example.com")]
    [InlineData("https://auth.example.com,,https://auth.example.com/api/auth/jwks")]
    [InlineData("https://auth.example.com,aud,not-a-url")]
    public async Task A_malformed_resource_server_option_is_refused(string value)
    {
        var result = await DoctorAsync(Good(), "--resource-server", value);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--resource-server", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("[ ok ]", result.Output, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> Good() => deployment.Environment();

    /// <summary>
    /// doctor fetches the public URL; tests send traffic to this machine only, so a configuration naming
    /// another host is checked --offline.
    /// </summary>
    [Fact]
    public async Task Identity_providers_pass_when_their_discovery_and_JWKS_answer_and_fail_when_they_do_not()
    {
        await using var provider = await OidcProvider.StartAsync("http://localhost/api/auth/callback/oidc");
        var environment = Good();
        environment["AUTH_OIDC_DISCOVERY_URL"] = provider.DiscoveryUrl;
        environment["AUTH_OIDC_CLIENT_ID"] = OidcProvider.ClientId;
        environment["AUTH_OIDC_CLIENT_SECRET"] = OidcProvider.ClientSecret;
        environment["Auth__Social__Providers__oidc__RequireHttps"] = "false";

        var good = await DoctorAsync(environment);
        Assert.StartsWith("[ ok ] oidc-providers", Line(good, "oidc-providers"), StringComparison.Ordinal);
        Assert.Contains("oidc: discovery and JWKS answer", good.Output, StringComparison.Ordinal);

        environment["AUTH_OIDC_DISCOVERY_URL"] = $"http://127.0.0.1:{PostgresCluster.FreePort()}/.well-known/openid-configuration";
        var broken = await DoctorAsync(environment);
        Assert.StartsWith("[FAIL] oidc-providers", Line(broken, "oidc-providers"), StringComparison.Ordinal);
        Assert.DoesNotContain(OidcProvider.ClientSecret, broken.All, StringComparison.Ordinal);
    }

    private static Task<CliResult> DoctorAsync(Dictionary<string, string?> environment, params string[] options)
    {
        var local = Uri.TryCreate(environment.GetValueOrDefault("AUTH_BASE_URL"), UriKind.Absolute, out var url) && url.IsLoopback;
        return OperatorCli.RunAsync(environment, ["doctor", .. options, .. local ? Array.Empty<string>() : ["--offline"]]);
    }

    /// <summary>The report line of one check (mark, name, summary and fix).</summary>
    private static string Line(CliResult result, string check) =>
        result.Output.Split('\n').Select(l => l.TrimEnd('\r')).FirstOrDefault(l => l.Length > 7 && l[7..].StartsWith(check + " ", StringComparison.Ordinal))
        ?? throw new Xunit.Sdk.XunitException($"no line for the {check} check:\n{result}");

    private async Task<string> CreateEmptyDatabaseAsync()
    {
        var name = $"doctor_empty_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(deployment.Database.AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(deployment.Database.AdminConnectionString) { Database = name }.ConnectionString;
    }
}
