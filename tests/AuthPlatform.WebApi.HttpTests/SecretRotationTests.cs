using System.Net;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// Rotating AUTH_SECRET: with AUTH_SECRETS=new,old everything made under the old secret keeps working and
/// the signing keys are re-encrypted under the new one; with the old secret then dropped, sessions
/// (bearer, and cookies signed or re-signed since) and the signing keys keep working. A secret that never encrypted
/// the keys is an honest 503, not a 500 or a silent new key.
/// </summary>
[Trait("Tier", "fast")]
public sealed class SecretRotationTests(TestDatabase database) : IAsyncLifetime
{
    private const string NewSecret = "new-secret-A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0";

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Sessions_and_signing_keys_survive_a_secret_rotation_and_the_old_secret_being_dropped()
    {
        AuthApi.SignedIn underOld;
        string oldKeyId, oldEncryptionKeyId;
        await using (var old = new AuthApiFactory(database.ConnectionString))
        {
            var client = old.CreatePlainClient();
            underOld = await client.SignUpAsync();
            oldKeyId = TokenApi.KeyIdOf(await client.GetTokenAsync(underOld.Token));
            oldEncryptionKeyId = await database.ScalarAsync<string>("select encryption_key_id from signing_keys");
        }

        AuthApi.SignedIn underNew;
        await using (var both = WithSecrets(NewSecret, $"{NewSecret},{TestSettings.Secret}"))
        {
            var client = both.CreatePlainClient();
            Assert.NotEqual(oldEncryptionKeyId, await database.ScalarAsync<string>("select encryption_key_id from signing_keys"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetSessionAsync(underOld.Cookie)).StatusCode);
            Assert.Equal(oldKeyId, TokenApi.KeyIdOf(await client.GetTokenAsync(underOld.Token)));
            underNew = await client.SignInAsync();
        }

        await using var onlyNew = WithSecrets(NewSecret, null);
        var after = onlyNew.CreatePlainClient();
        Assert.Equal(HttpStatusCode.OK, (await after.GetSessionWithBearerAsync(underOld.Token)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await after.GetSessionAsync(underNew.Cookie)).StatusCode);
        var token = await after.GetTokenAsync(underOld.Token);
        Assert.Equal(oldKeyId, TokenApi.KeyIdOf(token));
        Assert.True(TokenApi.VerifiesWith(token, await after.GetJwksKeysAsync()));
        Assert.Equal(HttpStatusCode.OK, (await after.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));
    }

    [Fact]
    public async Task A_cookie_signed_under_the_previous_secret_is_re_signed_on_its_next_lookup_so_dropping_that_secret_signs_nobody_out()
    {
        AuthApi.SignedIn forSession, forToken;
        await using (var old = new AuthApiFactory(database.ConnectionString))
        {
            var client = old.CreatePlainClient();
            forSession = await client.SignUpAsync("ann@example.com");
            forToken = await client.SignUpAsync("bob@example.com");
        }

        string resignedForSession, resignedForToken;
        await using (var both = WithSecrets(NewSecret, $"{NewSecret},{TestSettings.Secret}"))
        {
            var client = both.CreatePlainClient();

            // A new session is not due for a sliding refresh: the Set-Cookie comes from the re-signing alone.
            var lookup = await client.GetSessionAsync(forSession.Cookie);
            Assert.Equal(HttpStatusCode.OK, lookup.StatusCode);
            resignedForSession = Resigned(lookup, forSession);
            Assert.Equal(Uri.UnescapeDataString(resignedForSession.Split('=', 2)[1]), lookup.Header("set-auth-token"));

            // Once re-signed, the cookie is current: the next lookup sends nothing.
            var again = await client.GetSessionAsync(resignedForSession);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Null(AuthApi.SessionSetCookie(again));

            // GET /token looks the session up too, and re-signs the same way.
            var token = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/auth/token") { Headers = { { "Cookie", forToken.Cookie } } });
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            resignedForToken = Resigned(token, forToken);
        }

        await using var onlyNew = WithSecrets(NewSecret, null);
        var after = onlyNew.CreatePlainClient();
        foreach (var (cookie, userId) in new[] { (resignedForSession, forSession.UserId), (resignedForToken, forToken.UserId) })
        {
            var read = await after.GetSessionAsync(cookie);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.Equal(userId, (await read.JsonAsync())!["user"]!["id"]!.GetValue<string>());
        }

        // Without the re-signing the old cookie would now be refused: its signature is under the dropped secret.
        Assert.Equal(HttpStatusCode.Unauthorized, (await after.GetSessionAsync(forSession.Cookie)).StatusCode);
    }

    /// <summary>The re-signed cookie of <paramref name="response"/>: same session token, another signature.</summary>
    private static string Resigned(HttpResponseMessage response, AuthApi.SignedIn original)
    {
        var setCookie = AuthApi.SessionSetCookie(response);
        Assert.True(setCookie is not null, "no re-signed cookie was sent");
        Assert.DoesNotContain("Max-Age=0", setCookie, StringComparison.Ordinal);
        var cookie = setCookie.Split(';')[0];
        var value = Uri.UnescapeDataString(cookie.Split('=', 2)[1]);
        Assert.StartsWith(original.Token + ".", value, StringComparison.Ordinal);
        Assert.NotEqual(original.Cookie, cookie);
        return cookie;
    }

    [Fact]
    public async Task Keys_under_a_secret_that_is_not_configured_give_503_and_an_unready_instance()
    {
        await using (var old = new AuthApiFactory(database.ConnectionString))
        {
            _ = old.CreatePlainClient();
        }

        await using var stranger = WithSecrets(NewSecret, null);
        var client = stranger.CreatePlainClient();
        var session = await client.SignUpAsync();

        var token = await client.GetTokenResponseAsync(session.Token);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, token.StatusCode);
        Assert.Equal("SIGNING_KEY_UNAVAILABLE", (await token.JsonAsync())!["code"]!.GetValue<string>());
        Assert.NotNull(token.Headers.RetryAfter);

        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("cannot be decrypted", (await ready.JsonAsync())!["checks"]!["signing_keys"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);

        // get-session still answers; only the JWT header is left out.
        var get = await client.GetSessionWithBearerAsync(session.Token);
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Null(get.Header("set-auth-jwt"));
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));
    }

    private AuthApiFactory WithSecrets(string secret, string? secrets)
    {
        var factory = new AuthApiFactory(database.ConnectionString);
        factory.Settings["Auth:Secret"] = secret;
        factory.Settings["Auth:Secrets"] = secrets;
        return factory;
    }
}
