using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// API keys (BetterAuth's api-key plugin): created from a session and shown once, stored as digests, owned by
/// one user, refused when disabled, expired, spent or deleted; the key header authenticates get-session and
/// /token through the sign-in policy (a disabled owner is refused), and never a sensitive route.
/// </summary>
[Trait("Tier", "fast")]
public sealed class ApiKeyTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static async Task<JsonNode> CreateAsync(HttpClient client, string cookie, object? body = null)
    {
        var response = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/create", cookie, body ?? new { name = "ci" }));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.JsonAsync())!;
    }

    private static async Task<JsonNode> VerifyAsync(HttpClient client, string key, object? permissions = null)
    {
        var response = await client.PostAsJsonAsync("/api/auth/api-key/verify", new { key, permissions });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.JsonAsync())!;
    }

    private static HttpRequestMessage WithKey(string route, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Add("x-api-key", key);
        return request;
    }

    [Fact]
    public async Task A_created_key_is_shown_once_stored_as_a_digest_and_verifies()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        var created = await CreateAsync(client, session.Cookie, new { name = "deploy", prefix = "ap_" });
        var key = created["key"]!.GetValue<string>();

        Assert.StartsWith("ap_", key, StringComparison.Ordinal);
        Assert.Equal(3 + 64, key.Length);
        Assert.Equal(key[..6], created["start"]!.GetValue<string>());
        Assert.Equal(1, await database.ScalarAsync<long>("select count(*) from api_keys where key_digest = sha256(convert_to($1, 'UTF8'))", key));
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from api_keys a where position($1 in row_to_json(a)::text) > 0", key[3..]));
        var fetched = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"api-key/get?id={created["id"]}", session.Cookie));
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Assert.Null((await fetched.JsonAsync())!["key"]);

        var verdict = await VerifyAsync(client, key);
        Assert.True(verdict["valid"]!.GetValue<bool>());
        Assert.Equal(created["id"]!.GetValue<string>(), verdict["key"]!["id"]!.GetValue<string>());
        var altered = await VerifyAsync(client, key[..^1] + (key[^1] == 'a' ? 'b' : 'a'));
        Assert.False(altered["valid"]!.GetValue<bool>());
        Assert.Equal("INVALID_API_KEY", altered["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Server_only_fields_and_bad_values_are_refused_with_the_plugins_codes()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();

        async Task Refused(object body, string code) =>
            await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/create", session.Cookie, body)))
                .AssertProblemAsync(HttpStatusCode.BadRequest, code);

        await Refused(new { name = "x", remaining = 100 }, "SERVER_ONLY_PROPERTY");
        await Refused(new { name = "x", permissions = new { files = new[] { "read" } } }, "SERVER_ONLY_PROPERTY");
        await Refused(new { name = "x", expiresIn = 60 }, "EXPIRES_IN_IS_TOO_SMALL");
        await Refused(new { name = "x", expiresIn = 400 * 86400 }, "EXPIRES_IN_IS_TOO_LARGE");
        await Refused(new { name = "x", prefix = "bad prefix!" }, "INVALID_PREFIX_LENGTH");
        await Refused(new { name = new string('n', 33) }, "INVALID_NAME_LENGTH");
        await Refused(new { name = "x", metadata = new { team = "a" } }, "METADATA_DISABLED");
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from api_keys"));
    }

    [Fact]
    public async Task Another_users_key_is_not_found_and_cannot_be_changed_or_deleted()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var ann = await client.SignUpAsync();
        var bob = await client.SignUpAsync("bob@example.com", name: "Bob");
        var annsKey = await CreateAsync(client, ann.Cookie);
        var id = annsKey["id"]!.GetValue<string>();

        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, $"api-key/get?id={id}", bob.Cookie)))
            .AssertProblemAsync(HttpStatusCode.NotFound, "KEY_NOT_FOUND");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/update", bob.Cookie, new { keyId = id, enabled = false })))
            .AssertProblemAsync(HttpStatusCode.NotFound, "KEY_NOT_FOUND");
        await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/delete", bob.Cookie, new { keyId = id })))
            .AssertProblemAsync(HttpStatusCode.NotFound, "KEY_NOT_FOUND");
        var bobsList = await (await client.SendAsync(AuthApi.WithCookie(HttpMethod.Get, "api-key/list", bob.Cookie))).JsonAsync();

        Assert.Equal(0, bobsList!["total"]!.GetValue<int>());
        Assert.True((await VerifyAsync(client, annsKey["key"]!.GetValue<string>()))["valid"]!.GetValue<bool>());
    }

    [Fact]
    public async Task A_disabled_or_deleted_key_is_refused_from_the_next_use()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var created = await CreateAsync(client, session.Cookie);
        var key = created["key"]!.GetValue<string>();
        var id = created["id"]!.GetValue<string>();

        var disabled = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/update", session.Cookie, new { keyId = id, enabled = false }));
        Assert.False((await disabled.JsonAsync())!["enabled"]!.GetValue<bool>());
        Assert.Equal("KEY_DISABLED", (await VerifyAsync(client, key))["error"]!["code"]!.GetValue<string>());

        await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/update", session.Cookie, new { keyId = id, enabled = true }));
        Assert.True((await VerifyAsync(client, key))["valid"]!.GetValue<bool>());
        var deleted = await client.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/delete", session.Cookie, new { keyId = id }));
        Assert.True((await deleted.JsonAsync())!["success"]!.GetValue<bool>());

        Assert.Equal("INVALID_API_KEY", (await VerifyAsync(client, key))["error"]!["code"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithKey("/api/auth/token", key))).StatusCode);
    }

    [Fact]
    public async Task The_rate_limit_of_a_key_counts_concurrent_uses_once_each()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var key = (await CreateAsync(client, session.Cookie))["key"]!.GetValue<string>(); // 10 uses a day, the plugin's default

        var verdicts = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => VerifyAsync(client, key)));

        Assert.Equal(10, verdicts.Count(v => v["valid"]!.GetValue<bool>()));
        var limited = verdicts.Where(v => !v["valid"]!.GetValue<bool>()).ToList();
        Assert.Equal(15, limited.Count);
        Assert.All(limited, v => Assert.Equal("RATE_LIMITED", v["error"]!["code"]!.GetValue<string>()));
        Assert.All(limited, v => Assert.True(v["error"]!["details"]!["tryAgainIn"]!.GetValue<long>() > 0));
        Assert.Equal(10, await database.ScalarAsync<int>("select request_count from api_keys"));
        await (await client.SendAsync(WithKey("/api/auth/token", key))).AssertProblemAsync(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task The_key_header_signs_its_owner_in_for_get_session_and_token_only()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var created = await CreateAsync(client, session.Cookie);
        var key = created["key"]!.GetValue<string>();

        var current = await (await client.SendAsync(WithKey("/api/auth/get-session", key))).JsonAsync();
        Assert.Equal("ann@example.com", current!["user"]!["email"]!.GetValue<string>());
        Assert.Equal(created["id"]!.GetValue<string>(), current["session"]!["id"]!.GetValue<string>());
        Assert.DoesNotContain(key, current.ToJsonString(), StringComparison.Ordinal);
        var token = await client.SendAsync(WithKey("/api/auth/token", key));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.False(string.IsNullOrEmpty((await token.JsonAsync())!["token"]!.GetValue<string>()));

        // A route that does not accept keys sees no caller, and a short or unknown key is no caller either.
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(WithKey("/api/auth/list-sessions", key))).StatusCode);
        await (await client.SendAsync(WithKey("/api/auth/token", "short"))).AssertProblemAsync(HttpStatusCode.Unauthorized, "INVALID_API_KEY");
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from sessions where id = $1", created["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_disabled_owner_is_refused_by_the_sign_in_policy()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString);
        var client = factory.CreatePlainClient();
        var session = await client.SignUpAsync();
        var key = (await CreateAsync(client, session.Cookie))["key"]!.GetValue<string>();

        Assert.Equal(1, await database.ScalarAsync<long>("with u as (update users set disabled_at = now() returning 1) select count(*) from u"));

        await (await client.SendAsync(WithKey("/api/auth/token", key))).AssertProblemAsync(HttpStatusCode.Forbidden, "BANNED_USER");
    }

    [Fact]
    public async Task A_key_deleted_or_disabled_on_one_instance_is_refused_on_another_that_held_it_in_memory()
    {
        await using var instanceA = new AuthApiFactory(database.ConnectionString);
        await using var instanceB = new AuthApiFactory(database.ConnectionString);
        instanceA.Settings["Auth:ApiKeys:RateLimitEnabled"] = "false"; // keys that count no uses are held in memory
        instanceB.Settings["Auth:ApiKeys:RateLimitEnabled"] = "false";
        var a = instanceA.CreatePlainClient();
        var b = instanceB.CreatePlainClient();
        var session = await a.SignUpAsync();
        var disabled = await CreateAsync(a, session.Cookie, new { name = "disabled" });
        var deleted = await CreateAsync(a, session.Cookie, new { name = "deleted" });
        foreach (var key in new[] { disabled, deleted })
        {
            Assert.True((await VerifyAsync(b, key["key"]!.GetValue<string>()))["valid"]!.GetValue<bool>());
            Assert.Equal(HttpStatusCode.OK, (await b.SendAsync(WithKey("/api/auth/token", key["key"]!.GetValue<string>()))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/update", session.Cookie, new { keyId = disabled["id"]!.GetValue<string>(), enabled = false }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await a.SendAsync(AuthApi.WithCookie(HttpMethod.Post, "api-key/delete", session.Cookie, new { keyId = deleted["id"]!.GetValue<string>() }))).StatusCode);

        // Instance B learns both through PostgreSQL's notifications; the bound is generous for a loaded machine.
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        foreach (var (key, code) in new[] { (disabled, "KEY_DISABLED"), (deleted, "INVALID_API_KEY") })
        {
            while ((await VerifyAsync(b, key["key"]!.GetValue<string>()))["valid"]!.GetValue<bool>())
            {
                Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(10), $"instance B still accepts the {key["name"]} key");
                await Task.Delay(20);
            }

            Assert.Equal(code, (await VerifyAsync(b, key["key"]!.GetValue<string>()))["error"]!["code"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.Unauthorized, (await b.SendAsync(WithKey("/api/auth/token", key["key"]!.GetValue<string>()))).StatusCode);
        }
    }
}
