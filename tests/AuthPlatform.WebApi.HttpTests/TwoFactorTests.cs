using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// TOTP second factor over HTTP, with codes computed by oathtool (an implementation independent of the
/// service's): enrolment, the sign-in interception, wrong, expired and replayed codes, backup codes, the
/// two_factor cookie that is no session, trusted devices, and nothing secret in the database.
/// </summary>
[Trait("Tier", "fast")]
public sealed class TwoFactorTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Codes_from_oathtool_enrol_and_complete_sign_in_while_wrong_expired_and_replayed_codes_are_refused()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, backupCodes) = await EnableAsync(client, session.Cookie);
        Assert.Equal(10, backupCodes.Count);

        // Until a first code is verified, sign-in does not ask for the second factor.
        await client.SignInAsync();

        var now = DateTimeOffset.UtcNow;
        var enrol = await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now) }, session.Cookie);
        Assert.Equal(HttpStatusCode.OK, enrol.StatusCode);

        // Now sign-in stops before any session exists.
        var sessionsBefore = await database.ScalarAsync<long>("select count(*) from sessions");
        var pending = await SignInPendingAsync(client);
        Assert.Equal(sessionsBefore, await database.ScalarAsync<long>("select count(*) from sessions"));

        var wrong = await PostAsync(client, "two-factor/verify-totp", new { code = Flip(await OathtoolAsync(secret, now.AddSeconds(30))) }, pending);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal("INVALID_CODE", (await wrong.JsonAsync())!["code"]!.GetValue<string>());

        var expired = await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now.AddMinutes(-5)) }, pending);
        Assert.Equal("INVALID_CODE", (await expired.JsonAsync())!["code"]!.GetValue<string>());

        // The enrolment's code was accepted once: the same code again is a replay.
        var replayedEnrolmentCode = await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now) }, pending);
        Assert.Equal("INVALID_CODE", (await replayedEnrolmentCode.JsonAsync())!["code"]!.GetValue<string>());

        var nextCode = await OathtoolAsync(secret, now.AddSeconds(30));
        var verified = await PostAsync(client, "two-factor/verify-totp", new { code = nextCode }, pending);
        var body = await verified.Content.ReadAsStringAsync();
        Assert.True(verified.StatusCode == HttpStatusCode.OK, body);
        var cookie = AuthApi.SessionSetCookie(verified)!.Split(';')[0];
        Assert.Equal(session.UserId, (await (await client.GetSessionAsync(cookie)).JsonAsync())!["user"]!["id"]!.GetValue<string>());

        // The challenge was consumed; a new sign-in cannot reuse the code that completed the last one.
        var again = await SignInPendingAsync(client);
        var replay = await PostAsync(client, "two-factor/verify-totp", new { code = nextCode }, again);
        Assert.Equal("INVALID_CODE", (await replay.JsonAsync())!["code"]!.GetValue<string>());
        var usedChallenge = await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now.AddSeconds(60)) }, pending);
        Assert.Equal("INVALID_TWO_FACTOR_COOKIE", (await usedChallenge.JsonAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Enabling_the_second_factor_needs_a_verified_address()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        await (await PostAsync(client, "two-factor/enable", new { password = AuthApi.Password }, session.Cookie))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from two_factor_enrolments"));
        Assert.Equal(0L, await database.ScalarAsync<long>("select count(*) from two_factor_backup_codes"));

        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (_, backupCodes) = await EnableAsync(client, session.Cookie);
        Assert.Equal(10, backupCodes.Count);
    }

    [Fact]
    public async Task A_backup_code_completes_a_sign_in_once_and_the_two_factor_cookie_alone_is_no_session()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, backupCodes) = await EnableAsync(client, session.Cookie);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, DateTimeOffset.UtcNow) }, session.Cookie)).StatusCode);

        var pending = await SignInPendingAsync(client);
        Assert.Equal("null", await (await client.GetSessionAsync(pending)).Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/list-sessions") { Headers = { { "Cookie", pending } } })).StatusCode);

        var first = await PostAsync(client, "two-factor/verify-backup-code", new { code = backupCodes[0] }, pending);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotNull(AuthApi.SessionSetCookie(first));

        var second = await PostAsync(client, "two-factor/verify-backup-code", new { code = backupCodes[0] }, await SignInPendingAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Equal("INVALID_BACKUP_CODE", (await second.JsonAsync())!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_trusted_device_skips_the_second_factor_until_the_password_changes()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, _) = await EnableAsync(client, session.Cookie);
        var now = DateTimeOffset.UtcNow;
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now) }, session.Cookie)).StatusCode);

        var verified = await PostAsync(client, "two-factor/verify-totp", new { code = await OathtoolAsync(secret, now.AddSeconds(30)), trustDevice = true }, await SignInPendingAsync(client));
        var trust = CookieNamed(verified, "trust_device")!;

        var trusted = await client.SendAsync(SignInRequest(trust));
        Assert.Equal(HttpStatusCode.OK, trusted.StatusCode);
        Assert.NotNull((await trusted.JsonAsync())!["token"]);
        var renewedTrust = CookieNamed(trusted, "trust_device")!;
        var signedIn = AuthApi.SessionSetCookie(trusted)!.Split(';')[0];

        var change = await PostAsync(client, "change-password", new { currentPassword = AuthApi.Password, newPassword = "a brand new passphrase" }, signedIn);
        Assert.Equal(HttpStatusCode.OK, change.StatusCode);

        var afterChange = await client.SendAsync(SignInRequest(renewedTrust, "a brand new passphrase"));
        Assert.True((await afterChange.JsonAsync())!["twoFactorRedirect"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_database_dump_holds_neither_the_totp_secret_nor_a_backup_code()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        await database.MarkEmailVerifiedAsync("ann@example.com");
        var (secret, backupCodes) = await EnableAsync(client, session.Cookie);

        var dump = await DumpAsync(database.ConnectionString);

        Assert.Contains("two_factor_enrolments", dump, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Convert.ToHexString(Base32Decode(secret)), dump, StringComparison.OrdinalIgnoreCase);
        foreach (var code in backupCodes)
        {
            Assert.DoesNotContain(code, dump, StringComparison.Ordinal);
            Assert.DoesNotContain(code.Replace("-", string.Empty, StringComparison.Ordinal), dump, StringComparison.Ordinal);
        }
    }

    internal static async Task<(string Secret, IReadOnlyList<string> BackupCodes)> EnableAsync(HttpClient client, string cookie)
    {
        var response = await PostAsync(client, "two-factor/enable", new { password = AuthApi.Password }, cookie);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var json = JsonNode.Parse(body)!;
        var uri = new Uri(json["totpURI"]!.GetValue<string>());
        Assert.Equal("otpauth", uri.Scheme);
        var secret = uri.Query.TrimStart('?').Split('&').Single(p => p.StartsWith("secret=", StringComparison.Ordinal))["secret=".Length..];
        return (secret, json["backupCodes"]!.AsArray().Select(c => c!.GetValue<string>()).ToList());
    }

    internal static async Task<string> SignInPendingAsync(HttpClient client)
    {
        var response = await client.SendAsync(SignInRequest(null));
        var json = await response.JsonAsync();
        Assert.True(json!["twoFactorRedirect"]!.GetValue<bool>());
        Assert.Null(AuthApi.SessionSetCookie(response)?.Contains("Max-Age=0", StringComparison.Ordinal) == false ? "a session cookie" : null);
        return CookieNamed(response, "two_factor") ?? throw new InvalidOperationException("no two_factor cookie");
    }

    private static HttpRequestMessage SignInRequest(string? cookie, string password = AuthApi.Password)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in/email") { Content = JsonContent.Create(new { email = "ann@example.com", password }) };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
            request.Headers.Add("Origin", TestSettings.BaseUrl);
        }

        return request;
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string route, object body, string cookie) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/auth/" + route)
        {
            Content = JsonContent.Create(body),
            Headers = { { "Cookie", cookie }, { "Origin", TestSettings.BaseUrl } },
        });

    internal static string? CookieNamed(HttpResponseMessage response, string suffix) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Select(v => v.Split(';')[0]).FirstOrDefault(v => v.Split('=')[0].EndsWith(suffix, StringComparison.Ordinal) && v.Length > v.IndexOf('=', StringComparison.Ordinal) + 1)
            : null;

    internal static async Task<string> OathtoolAsync(string base32Secret, DateTimeOffset at)
    {
        var outcome = await ExternalProcess.RunAsync("oathtool",
            ["--totp", "--base32", "--digits=6", "--time-step-size=30s", "--now", at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture), base32Secret],
            AppContext.BaseDirectory, null, TimeSpan.FromSeconds(20));
        Assert.True(outcome.ExitCode == 0, outcome.ToString());
        return outcome.StandardOutput.Trim();
    }

    /// <summary>Every row of every table as PostgreSQL prints it (bytea as hex): what a data dump holds.</summary>
    private static async Task<string> DumpAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new Npgsql.NpgsqlCommand("select tablename from pg_tables where schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var dump = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
            dump.AppendLine(table);
            await using var rows = new Npgsql.NpgsqlCommand($"select t::text from \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                dump.AppendLine(reader.GetString(0));
            }
        }

        return dump.ToString();
    }

    private static string Flip(string code) => string.Concat(code[..^1], (char)('0' + ((code[^1] - '0' + 5) % 10)));

    private static byte[] Base32Decode(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(base32.TrimEnd('=').Select(c => Convert.ToString(alphabet.IndexOf(char.ToUpperInvariant(c)), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
