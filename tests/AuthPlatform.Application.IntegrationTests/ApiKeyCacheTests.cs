using AuthPlatform.Application.ApiKeys.AuthenticateApiKey;
using AuthPlatform.Application.ApiKeys.CreateApiKey;
using AuthPlatform.Application.ApiKeys.DeleteApiKey;
using AuthPlatform.Application.ApiKeys.VerifyApiKey;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Infrastructure.SessionCache;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// A key that counts no uses is verified, and authenticates a request, from memory; the notifications the listener
/// applies ("k:" for the key row, "u:" for its owner) end that. No listener runs here: rows changed with plain SQL
/// behind the cache's back show whether an answer came from memory or from the database.
/// </summary>
public sealed class ApiKeyCacheTests(TestDatabase database) : IAsyncLifetime
{
    private static readonly ClientInfo Client = new("203.0.113.7", "tests");

    private ApplicationHost _host = null!;
    private InProcessSessionCache _cache = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString, services => services.PostConfigure<ApiKeyOptions>(o => o.RateLimitEnabled = false));
        _cache = _host.Services.GetRequiredService<InProcessSessionCache>();
        _cache.StartServing();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_key_that_counts_no_uses_is_answered_from_memory_until_its_row_notification_arrives()
    {
        var (_, key, keyId) = await OwnerWithKeyAsync();

        Assert.Null(await RefusalAsync(key));
        Assert.Equal(1, _cache.ApiKeyCount);
        await SqlAsync("update api_keys set enabled = false");
        Assert.Null(await RefusalAsync(key)); // from memory: the notification reaches no listener here

        _cache.Apply($"k:{keyId}"); // the notification the api_keys trigger sends
        Assert.Equal(0, _cache.ApiKeyCount);
        Assert.Equal("KEY_DISABLED", await RefusalAsync(key));
    }

    [Fact]
    public async Task A_request_with_the_key_is_authenticated_from_memory_until_its_owner_changes()
    {
        var (ownerId, key, _) = await OwnerWithKeyAsync();
        Assert.True((await AuthenticateAsync(key)).IsSuccess);

        await SqlAsync("update users set disabled_at = now(), ban_reason = 'spam'");
        Assert.True((await AuthenticateAsync(key)).IsSuccess); // the owner as held with the key

        _cache.Apply($"u:{ownerId}"); // the notification the users trigger sends
        Assert.Equal(0, _cache.ApiKeyCount);
        Assert.Equal("BANNED_USER", (await AuthenticateAsync(key)).Error?.Code);
    }

    [Fact]
    public async Task A_key_deleted_on_this_instance_leaves_its_memory_at_once_and_a_counting_key_is_never_held()
    {
        var (ownerId, key, keyId) = await OwnerWithKeyAsync();
        Assert.Null(await RefusalAsync(key));
        Assert.Equal(1, _cache.ApiKeyCount);

        Assert.True((await _host.SendAsync(new DeleteApiKeyCommand(ownerId, keyId))).IsSuccess);
        Assert.Equal(0, _cache.ApiKeyCount);
        Assert.Equal("INVALID_API_KEY", await RefusalAsync(key));

        var counted = await _host.SendAsync(new CreateApiKeyCommand(ownerId, "counted", null, null, null, []));
        await SqlAsync($"update api_keys set remaining = 5 where id = '{counted.Value.Id}'");
        Assert.Null(await RefusalAsync(counted.Value.Key!));
        Assert.Equal(0, _cache.ApiKeyCount);
        Assert.Equal(4, await database.ScalarAsync<int>("select remaining from api_keys where id = $1", counted.Value.Id));
    }

    private async Task<string?> RefusalAsync(string key)
    {
        _cache.Confirm(Environment.TickCount64); // as the listener's heartbeat would: the cache answers
        var result = await _host.SendAsync(new VerifyApiKeyCommand(key, null));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Refusal?.Code;
    }

    private Task<AuthPlatform.Application.Common.Results.Result<AuthPlatform.Application.Sessions.GetSession.CurrentSession>> AuthenticateAsync(string key)
    {
        _cache.Confirm(Environment.TickCount64);
        return _host.SendAsync(new AuthenticateApiKeyCommand(key, Client));
    }

    private Task<long> SqlAsync(string update) =>
        database.ScalarAsync<long>($"with changed as ({update} returning 1) select count(*) from changed");

    private async Task<(string OwnerId, string Key, string KeyId)> OwnerWithKeyAsync()
    {
        var signedUp = await _host.SendAsync(new SignUpCommand("Ann", "ann@example.com", "correct horse battery staple", null, true, Client));
        Assert.True(signedUp.IsSuccess, signedUp.Error?.Code);
        var ownerId = signedUp.Value.Session!.User.Id;
        var created = await _host.SendAsync(new CreateApiKeyCommand(ownerId, "robot", null, null, null, []));
        Assert.True(created.IsSuccess, created.Error?.Code);
        return (ownerId, created.Value.Key!, created.Value.Id);
    }
}
