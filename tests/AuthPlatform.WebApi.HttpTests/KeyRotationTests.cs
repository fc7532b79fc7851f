using AuthPlatform.Application.Operators.RotateSigningKeys;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The signing-key lifecycle on a fake clock, with the default schedule (rotate every 90 d, publish
/// 14 d ahead, keep 14 d after): a new key is in the JWKS before it signs anything; tokens signed
/// before the hand-over verify for the whole grace period; after removal they do not.
/// </summary>
[Trait("Tier", "fast")]
public sealed class KeyRotationTests(TestDatabase database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task A_key_is_published_before_it_signs_and_its_tokens_verify_until_it_is_removed()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        factory.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        var client = factory.CreatePlainClient();
        var t0 = factory.Clock.GetUtcNow();
        await client.SignUpAsync();
        var first = await client.GetTokenAsync((await client.SignInAsync()).Token);
        var firstKey = TokenApi.KeyIdOf(first);
        Assert.Equal([firstKey], TokenApi.KeyIds(await client.GetJwksKeysAsync()));

        // Rotation is due once the active key has signed for 90 - 14 days.
        factory.Clock.SetUtcNow(t0 + TimeSpan.FromDays(76));
        var rotation = await factory.SendAsync(new RotateSigningKeysCommand("test"));
        var secondKey = rotation.Value.CreatedKeyId!;
        Assert.Equal(t0 + TimeSpan.FromDays(90), rotation.Value.CreatedKeyActivatesAt);
        Assert.Equal(new[] { firstKey, secondKey }.Order(), TokenApi.KeyIds(await client.GetJwksKeysAsync()));
        Assert.Equal(firstKey, TokenApi.KeyIdOf(await client.GetTokenAsync((await client.SignInAsync()).Token)));

        // A second run changes nothing: the successor exists.
        Assert.Null((await factory.SendAsync(new RotateSigningKeysCommand("test"))).Value.CreatedKeyId);

        factory.Clock.SetUtcNow(t0 + TimeSpan.FromDays(90) - TimeSpan.FromSeconds(1));
        var lastOfFirstKey = await client.GetTokenAsync((await client.SignInAsync()).Token);
        Assert.Equal(firstKey, TokenApi.KeyIdOf(lastOfFirstKey));

        factory.Clock.SetUtcNow(t0 + TimeSpan.FromDays(90));
        var firstOfSecondKey = await client.GetTokenAsync((await client.SignInAsync()).Token);
        Assert.Equal(secondKey, TokenApi.KeyIdOf(firstOfSecondKey));
        Assert.True(TokenApi.VerifiesWith(lastOfFirstKey, await client.GetJwksKeysAsync()));

        factory.Clock.SetUtcNow(t0 + TimeSpan.FromDays(104) - TimeSpan.FromSeconds(1));
        var lateJwks = await client.GetJwksKeysAsync();
        Assert.True(TokenApi.VerifiesWith(lastOfFirstKey, lateJwks), "the retired key must stay published for the whole grace period");
        Assert.True(TokenApi.VerifiesWith(firstOfSecondKey, lateJwks));

        factory.Clock.SetUtcNow(t0 + TimeSpan.FromDays(104));
        var afterRemoval = await client.GetJwksKeysAsync();
        Assert.Equal([secondKey], TokenApi.KeyIds(afterRemoval));
        Assert.False(TokenApi.VerifiesWith(lastOfFirstKey, afterRemoval));
        Assert.True(TokenApi.VerifiesWith(firstOfSecondKey, afterRemoval));

        // The next run deletes the removed key's row.
        Assert.Equal(1, (await factory.SendAsync(new RotateSigningKeysCommand("test"))).Value.Deleted);
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));
    }

    [Fact]
    public async Task After_an_emergency_rotation_the_old_key_leaves_the_jwks_once_its_tokens_have_expired()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        factory.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        factory.Settings["Auth:Jwt:ExpiresIn"] = "00:10:00";
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        var old = await client.GetTokenAsync((await client.SignInAsync()).Token);
        var oldKey = TokenApi.KeyIdOf(old);

        var emergency = await factory.SendAsync(new RotateSigningKeysCommand("test", Force: true, ActivateImmediately: true));
        var newKey = emergency.Value.CreatedKeyId!;
        Assert.Equal(newKey, TokenApi.KeyIdOf(await client.GetTokenAsync((await client.SignInAsync()).Token)));
        Assert.True(TokenApi.VerifiesWith(old, await client.GetJwksKeysAsync()), "tokens signed before the rotation verify while they are valid");

        // 10 minutes of token lifetime plus 5 of clock skew; not the 14 days of a routine retirement.
        factory.Clock.Advance(TimeSpan.FromMinutes(15) - TimeSpan.FromSeconds(1));
        Assert.Contains(oldKey, TokenApi.KeyIds(await client.GetJwksKeysAsync()));

        factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var after = await client.GetJwksKeysAsync();
        Assert.Equal([newKey], TokenApi.KeyIds(after));
        Assert.False(TokenApi.VerifiesWith(old, after));
    }

    [Fact]
    public async Task A_revoked_key_leaves_the_jwks_at_once_and_a_new_key_signs()
    {
        await using var factory = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        factory.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        var client = factory.CreatePlainClient();
        await client.SignUpAsync();
        var compromised = await client.GetTokenAsync((await client.SignInAsync()).Token);
        var compromisedKey = TokenApi.KeyIdOf(compromised);

        var unknown = await factory.SendAsync(new RotateSigningKeysCommand("test", RevokeKeyId: "no-such-key"));
        Assert.Equal("SIGNING_KEY_NOT_FOUND", unknown.Error!.Code);

        var revocation = await factory.SendAsync(new RotateSigningKeysCommand("test", RevokeKeyId: compromisedKey));

        Assert.Equal(compromisedKey, revocation.Value.RevokedKeyId);
        var jwks = await client.GetJwksKeysAsync();
        Assert.Equal([revocation.Value.CreatedKeyId!], TokenApi.KeyIds(jwks));
        Assert.False(TokenApi.VerifiesWith(compromised, jwks));
        var fresh = await client.GetTokenAsync((await client.SignInAsync()).Token);
        Assert.Equal(revocation.Value.CreatedKeyId, TokenApi.KeyIdOf(fresh));
        Assert.True(TokenApi.VerifiesWith(fresh, jwks));
    }

    [Fact]
    public async Task Two_instances_rotating_at_the_same_moment_create_exactly_one_new_key()
    {
        await using var first = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        await using var second = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        first.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        second.Settings["Auth:Jwt:Keys:AutomaticRotation"] = "false";
        _ = first.CreatePlainClient();
        _ = second.CreatePlainClient();
        Assert.Equal(1, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));

        var due = first.Clock.GetUtcNow() + TimeSpan.FromDays(80);
        first.Clock.SetUtcNow(due);
        second.Clock.SetUtcNow(due);
        var runs = Enumerable.Range(0, 8).SelectMany(_ => new[] { first, second })
            .Select(factory => Task.Run(() => factory.SendAsync(new RotateSigningKeysCommand("test"))));
        var outcomes = await Task.WhenAll(runs);

        Assert.Single(outcomes, o => o.Value.CreatedKeyId is not null);
        Assert.Equal(2, await database.ScalarAsync<int>("select count(*)::int from signing_keys"));
        Assert.Equal(TokenApi.KeyIds(await first.CreatePlainClient().GetJwksKeysAsync()), TokenApi.KeyIds(await second.CreatePlainClient().GetJwksKeysAsync()));
    }

    [Fact]
    public async Task Changing_the_algorithm_publishes_a_key_of_the_new_algorithm_before_it_signs()
    {
        await using (var es256 = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true })
        {
            _ = es256.CreatePlainClient();
        }

        await using var es384 = new AuthApiFactory(database.ConnectionString) { UseFakeClock = true };
        es384.Settings["Auth:Jwt:Algorithm"] = "ES384";
        var client = es384.CreatePlainClient();
        await client.SignUpAsync();

        var keys = await client.GetJwksKeysAsync();
        Assert.Equal(["ES256", "ES384"], keys.Select(k => k!["alg"]!.GetValue<string>()).Order());
        Assert.Equal("ES256", TokenApi.Header(await client.GetTokenAsync((await client.SignInAsync()).Token))["alg"]!.GetValue<string>());

        es384.Clock.Advance(TimeSpan.FromDays(14));
        Assert.Equal("ES384", TokenApi.Header(await client.GetTokenAsync((await client.SignInAsync()).Token))["alg"]!.GetValue<string>());
    }
}
