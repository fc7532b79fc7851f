using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Operator.Tests;

/// <summary>
/// import-better-auth through the real binary, from a database BetterAuth itself created. Imported users
/// sign in with their BetterAuth passwords (then stored as Argon2id), sessions keep working, and a second
/// run changes nothing.
/// </summary>
public sealed class ImportBetterAuthTests(TestDatabase database, BetterAuthSource source) : IAsyncLifetime, IClassFixture<BetterAuthSource>
{
    private const string ScryptPattern = "^[0-9a-f]{32}:[0-9a-f]{128}$";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Users_passwords_and_live_sessions_are_copied_with_their_ids_and_counted()
    {
        var report = await ImportAsync("--sessions");

        Assert.Equal(await source.CountAsync("""select count(*) from "user" """), Count(report, "users", "created"));
        Assert.Equal(4, Count(report, "passwords", "created"));
        Assert.Equal(1, Skipped(report, "passwords", "no password (another sign-in method)"));
        Assert.Equal(await source.CountAsync("""select count(*) from "session" where "expiresAt" > now()"""), Count(report, "sessions", "created"));
        Assert.Equal(0, Count(report, "sessions", "skippedTotal"));

        Assert.Equal(5, await database.ScalarAsync<int>("select count(*) from users"));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users where id = $1 and email = 'ann@example.com' and name = 'Ann'", source.Ann.UserId));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*) from users where id = $1 and email_verified and image = 'https://example.com/olga.png'", BetterAuthSource.OAuthUserId));
        Assert.Equal(4, await database.ScalarAsync<int>($"select count(*) from password_credentials where password_hash ~ '{ScryptPattern}'"));
        Assert.Equal(2, await database.ScalarAsync<int>(
            "select count(*) from sessions where user_id = $1 and token_digest in (sha256(convert_to($2, 'UTF8')), sha256(convert_to($3, 'UTF8')))",
            source.Ann.UserId, source.Ann.Token, source.AnnFirstSession.Token));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from sessions where user_id = $1", source.Dee.UserId));
    }

    [Fact]
    public async Task Every_imported_user_signs_in_with_their_betterauth_password_which_is_then_stored_as_argon2id()
    {
        await ImportAsync();
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();

        foreach (var account in source.PasswordUsers)
        {
            Assert.Matches(ScryptPattern, await HashOfAsync(account.UserId));

            var response = await SignInAsync(client, account.Email, account.Password);

            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{account.Email}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            Assert.Equal(account.UserId, (await response.Content.ReadFromJsonAsync<JsonObject>())!["user"]!["id"]!.GetValue<string>());
            Assert.StartsWith("$argon2id$", await HashOfAsync(account.UserId), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, account.Email, account.Password)).StatusCode);
        }

        // BetterAuth hashed NFKC("ｐａｓｓｗｏｒｄ１２３４") = "password1234"; so does this service.
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, source.Bob.Email, "password1234")).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_still_fail_and_leave_the_imported_hash_as_it_was()
    {
        await ImportAsync();
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var before = await HashOfAsync(source.Ann.UserId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, source.Ann.Email, "correct horse battery!")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, source.Cy.Email, BetterAuthSource.CyFirstPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "olga@example.com", "any password at all")).StatusCode);
        Assert.Equal(before, await HashOfAsync(source.Ann.UserId));
    }

    [Fact]
    public async Task Running_the_import_twice_changes_nothing()
    {
        await ImportAsync("--sessions");
        var before = await SnapshotAsync();

        var second = await ImportAsync("--sessions");

        foreach (var kind in new[] { "users", "passwords", "sessions" })
        {
            Assert.Equal(0, Count(second, kind, "created"));
            Assert.Equal(0, Count(second, kind, "updated"));
        }

        Assert.Equal(4, Skipped(second, "passwords", "already up to date"));
        Assert.Equal(5, Skipped(second, "users", "already up to date"));
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task A_password_rehashed_here_is_kept_when_the_import_runs_again()
    {
        await ImportAsync();
        await using var factory = new AuthApiFactory(database.ConnectionString);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(factory.CreatePlainClient(), source.Ann.Email, source.Ann.Password)).StatusCode);
        var rehashed = await HashOfAsync(source.Ann.UserId);

        var second = await ImportAsync();

        Assert.Equal(1, Skipped(second, "passwords", "changed here since the last import"));
        Assert.Equal(rehashed, await HashOfAsync(source.Ann.UserId));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(factory.CreatePlainClient(), source.Ann.Email, source.Ann.Password)).StatusCode);
    }

    [Fact]
    public async Task Imported_sessions_work_with_betterauth_cookies_and_bearer_tokens_when_the_secret_is_the_same()
    {
        await ImportAsync("--sessions");
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Secret"] = BetterAuthScenario.Secret;
        var client = factory.CreatePlainClient();

        foreach (var session in new[] { source.Ann, source.AnnFirstSession, source.Bob })
        {
            var byCookie = await GetSessionAsync(client, "Cookie", session.Cookie);
            Assert.Equal(session.UserId, byCookie?["user"]?["id"]?.GetValue<string>());
        }

        var byBearer = await GetSessionAsync(client, "Authorization", "Bearer " + source.Cy.Token);
        Assert.Equal(source.Cy.UserId, byBearer?["user"]?["id"]?.GetValue<string>());

        // Dee's session had expired in BetterAuth, so it was not copied.
        Assert.Null(await GetSessionAsync(client, "Cookie", source.Dee.Cookie));
    }

    [Fact]
    public async Task Over_https_the_cookie_betterauth_named_with_secure_prefix_keeps_working_until_sign_out_expires_it()
    {
        await ImportAsync("--sessions");
        await using var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Secret"] = BetterAuthScenario.Secret;
        factory.Settings["Auth:BaseUrl"] = "https://localhost";
        factory.Settings["Auth:Cookies:AcceptBetterAuthCookie"] = "true"; // the migration setting
        var client = factory.CreatePlainClient();

        // BetterAuth over https names its cookie __Secure-better-auth.session_token; this service uses __Host-.
        var betterAuthCookie = "__Secure-" + source.Ann.Cookie;
        Assert.Equal(source.Ann.UserId, (await GetSessionAsync(client, "Cookie", betterAuthCookie))?["user"]?["id"]?.GetValue<string>());

        var signOut = await client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-out")
        {
            Headers = { { "Cookie", betterAuthCookie }, { "Origin", "https://localhost" } },
            Content = JsonContent.Create(new { }),
        });

        Assert.Equal(HttpStatusCode.OK, signOut.StatusCode);
        var expired = signOut.Headers.GetValues("Set-Cookie").ToList();
        Assert.Contains(expired, c => c.StartsWith("__Host-better-auth.session_token=; Max-Age=0", StringComparison.Ordinal));
        Assert.Contains(expired, c => c.StartsWith("__Secure-better-auth.session_token=; Max-Age=0; Path=/", StringComparison.Ordinal));
        Assert.Null(await GetSessionAsync(client, "Cookie", betterAuthCookie));
    }

    [Fact]
    public async Task Imported_cookies_signed_with_another_secret_are_not_accepted()
    {
        await ImportAsync("--sessions");
        await using var factory = new AuthApiFactory(database.ConnectionString); // AUTH_SECRET differs from BETTER_AUTH_SECRET
        var response = await factory.CreatePlainClient().SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { "Cookie", source.Ann.Cookie } } });

        Assert.DoesNotContain(source.Ann.UserId, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_reports_what_an_import_would_do_and_saves_nothing()
    {
        var dry = await ImportAsync("--sessions", "--dry-run");

        Assert.True(dry["dryRun"]!.GetValue<bool>());
        Assert.Equal(0, await database.ScalarAsync<int>("select (select count(*) from users) + (select count(*) from password_credentials) + (select count(*) from sessions)"));

        var real = await ImportAsync("--sessions");
        foreach (var kind in new[] { "users", "passwords", "sessions" })
        {
            Assert.Equal(Count(real, kind, "created"), Count(dry, kind, "created"));
            Assert.Equal(Count(real, kind, "skippedTotal"), Count(dry, kind, "skippedTotal"));
        }

        Assert.True(Count(real, "sessions", "created") > 0);
    }

    [Fact]
    public async Task An_account_created_here_with_the_same_email_is_never_merged_with_the_betterauth_one()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var signUp = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Another Ann", email = "ANN@example.com", password = "ann's password here" });
        Assert.Equal(HttpStatusCode.OK, signUp.StatusCode);

        var report = await ImportAsync("--sessions");

        Assert.Equal(1, Skipped(report, "users", "email belongs to another account here"));
        Assert.Equal(2, Skipped(report, "sessions", "its user was not imported"));
        Assert.Equal(0, await database.ScalarAsync<int>("select count(*) from users where id = $1", source.Ann.UserId));
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "ann@example.com", "ann's password here")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "ann@example.com", source.Ann.Password)).StatusCode);
    }

    [Fact]
    public async Task Changes_made_in_betterauth_after_an_import_are_taken_over_by_the_next_run()
    {
        var (connectionString, results) = await BetterAuthScenario.CreateAsync(
            database.AdminConnectionString,
            new { op = "sign-up", name = "Eve", email = "eve@example.com", password = "eve's first password" });
        var url = BetterAuthScenario.UrlOf(new Npgsql.NpgsqlConnectionStringBuilder(connectionString));
        await ImportFromAsync(url);

        var changes = await BetterAuthScenario.RunAsync(
            connectionString,
            new { op = "change-password", cookie = results[0]!["cookie"]!.GetValue<string>(), currentPassword = "eve's first password", newPassword = "eve's second password" },
            new { op = "sign-up", name = "Fay", email = "fay@example.com", password = "fay's only password" });
        Assert.Equal(200, changes[0]!["status"]!.GetValue<int>());

        var second = await ImportFromAsync(url);

        Assert.Equal(1, Count(second, "passwords", "updated"));
        Assert.Equal(1, Count(second, "users", "created"));
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "eve@example.com", "eve's second password")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "eve@example.com", "eve's first password")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "fay@example.com", "fay's only password")).StatusCode);
    }

    [Fact]
    public async Task The_import_prints_no_password_hash_token_or_password()
    {
        var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "import-better-auth", "--from", source.Url, "--sessions");
        Assert.True(result.ExitCode == 0, result.ToString());

        await using var connection = new Npgsql.NpgsqlConnection(source.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("""select "password" from "account" where "password" is not null union all select "token" from "session" """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var secrets = new List<string>();
        while (await reader.ReadAsync())
        {
            secrets.Add(reader.GetString(0));
        }

        Assert.True(secrets.Count >= 8);
        foreach (var secret in secrets.Concat(source.PasswordUsers.Select(a => a.Password)))
        {
            Assert.DoesNotContain(secret, result.All, StringComparison.Ordinal);
            Assert.DoesNotContain(secret.Split(':')[^1], result.All, StringComparison.Ordinal);
        }

        Assert.Contains("users:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_source_that_is_not_a_betterauth_database_is_refused_with_the_reason()
    {
        var notBetterAuth = BetterAuthScenario.UrlOf(new Npgsql.NpgsqlConnectionStringBuilder(database.ConnectionString));

        var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "import-better-auth", "--from", notBetterAuth);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("does not look like a BetterAuth database", result.Errors, StringComparison.Ordinal);
        Assert.Contains("\"user\".\"email\"", result.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unusable_source_url_is_refused_without_repeating_its_password()
    {
        var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), "import-better-auth", "--from", "postgres://ba:hunter2-secret@127.0.0.1:1/ba?bogus=1");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--from", result.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2-secret", result.All, StringComparison.Ordinal);
    }

    private Task<JsonObject> ImportAsync(params string[] options) => ImportFromAsync(source.Url, options);

    private async Task<JsonObject> ImportFromAsync(string url, params string[] options)
    {
        var result = await OperatorCli.RunAsync(OperatorCli.GoodEnvironment(database.ConnectionString), ["import-better-auth", "--from", url, "--json", .. options]);
        Assert.True(result.ExitCode == 0, result.ToString());
        return JsonNode.Parse(result.Output)!.AsObject();
    }

    private static int Count(JsonObject report, string kind, string field) => report[kind]![field]!.GetValue<int>();

    private static int Skipped(JsonObject report, string kind, string reason) => report[kind]!["skipped"]![reason]?.GetValue<int>() ?? 0;

    private Task<string> HashOfAsync(string userId) =>
        database.ScalarAsync<string>("select password_hash from password_credentials where user_id = $1", userId);

    private Task<string> SnapshotAsync() => database.ScalarAsync<string>("""
        select (select coalesce(string_agg(u::text, '|' order by u.id), '') from users u)
            || '#' || (select coalesce(string_agg(c::text, '|' order by c.id), '') from password_credentials c)
            || '#' || (select coalesce(string_agg(s::text, '|' order by s.id), '') from sessions s)
        """);

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email, string password) =>
        client.PostAsJsonAsync("/api/auth/sign-in/email", new { email, password });

    private static async Task<JsonNode?> GetSessionAsync(HttpClient client, string header, string value)
    {
        var response = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/get-session") { Headers = { { header, value } } });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body);
    }
}
