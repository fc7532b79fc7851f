using System.Security.Cryptography;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Infrastructure.SessionCache;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.IntegrationTests;

/// <summary>
/// The session cache files each entry under the rows it was read from: a notification ends exactly those entries,
/// and an entry read before the notification is refused when it is stored after it.
/// </summary>
public sealed class SessionCacheTagTests(TestDatabase database) : IAsyncLifetime
{
    private ApplicationHost _host = null!;
    private InProcessSessionCache _cache = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _host = new ApplicationHost(database.ConnectionString);
        _cache = _host.Services.GetRequiredService<InProcessSessionCache>();
        _cache.StartServing();
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    [Fact]
    public async Task A_session_notification_ends_that_session_alone_and_an_answer_read_before_it_is_not_stored()
    {
        await LookupAsync(await SignUpAsync("ann@example.com"));
        await LookupAsync(await SignUpAsync("bob@example.com"));
        var rows = await InScopeAsync(db => db.Sessions.OrderBy(s => s.CreatedAt).ToListAsync());
        var (ann, bob) = (rows[0], rows[1]);
        Assert.Equal(2, _cache.Count);
        Assert.True(_cache.TryGet(ann.TokenDigest, out CachedSession? annEntry));

        var readBefore = _cache.BeginRead()!.Value;
        _cache.Apply($"s:{ann.Id}:{ann.UserId}"); // the notification the sessions trigger sends
        Assert.False(_cache.TryGet(ann.TokenDigest, out CachedSession? _));
        Assert.True(_cache.TryGet(bob.TokenDigest, out CachedSession? _));

        _cache.Store(ann.TokenDigest, annEntry!, readBefore);
        Assert.False(_cache.TryGet(ann.TokenDigest, out CachedSession? _));

        _cache.Store(ann.TokenDigest, annEntry!, _cache.BeginRead()!.Value);
        Assert.True(_cache.TryGet(ann.TokenDigest, out CachedSession? _));
    }

    [Fact]
    public async Task A_user_notification_ends_their_sessions_and_a_notification_this_version_cannot_read_ends_everything()
    {
        await LookupAsync(await SignUpAsync("ann@example.com"));
        await LookupAsync(await SignUpAsync("bob@example.com"));
        var rows = await InScopeAsync(db => db.Sessions.OrderBy(s => s.CreatedAt).ToListAsync());
        Assert.Equal(2, _cache.Count);

        _cache.Apply($"u:{rows[0].UserId}");
        Assert.False(_cache.TryGet(rows[0].TokenDigest, out CachedSession? _));
        Assert.True(_cache.TryGet(rows[1].TokenDigest, out CachedSession? _));

        _cache.Apply("z:something-new");
        Assert.Equal(0, _cache.Count);
    }

    [Fact]
    public async Task A_full_cache_drops_its_oldest_entries_down_to_nine_tenths()
    {
        await LookupAsync(await SignUpAsync("ann@example.com"));
        var row = await InScopeAsync(db => db.Sessions.SingleAsync());
        Assert.True(_cache.TryGet(row.TokenDigest, out CachedSession? entry));
        var small = new InProcessSessionCache(Options.Create(new SessionCacheOptions { MaxEntries = 10 }));
        small.StartServing();

        var digests = Enumerable.Range(0, 25).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        foreach (var digest in digests)
        {
            // One clock tick apart: "oldest" is then one entry, not a tie the cache may break either way.
            var tick = Environment.TickCount64;
            while (Environment.TickCount64 == tick)
            {
                Thread.SpinWait(100);
            }

            small.Store(digest, entry!, small.BeginRead()!.Value);
            Assert.InRange(small.Count, 1, 10);
        }

        Assert.All(digests[^10..], digest => Assert.True(small.TryGet(digest, out CachedSession? _)));
        Assert.All(digests[..^10], digest => Assert.False(small.TryGet(digest, out CachedSession? _)));

        small.Apply($"u:{row.UserId}"); // every entry is filed under the one user
        Assert.Equal(0, small.Count);
    }

    private async Task<SessionToken> SignUpAsync(string email)
    {
        var result = await _host.SendAsync(new SignUpCommand("Ann", email, "correct horse battery staple", null, true, new ClientInfo("203.0.113.7", "tests")));
        Assert.True(result.IsSuccess, result.Error?.Code);
        return result.Value.Session!.Token;
    }

    private async Task LookupAsync(SessionToken token)
    {
        _cache.Confirm(Environment.TickCount64); // as the listener's heartbeat would: the cache answers
        var result = await _host.QueryAsync(new GetSessionQuery(token, true, "cookie"));
        Assert.IsType<CurrentSession>(result.Value.Current);
    }

    private async Task<T> InScopeAsync<T>(Func<IAuthDbContext, Task<T>> read)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<IAuthDbContext>());
    }
}
