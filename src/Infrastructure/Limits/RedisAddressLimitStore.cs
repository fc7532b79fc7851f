using System.Globalization;
using AuthPlatform.Application.Common.Limits;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// The general per-address counters in Redis (when REDIS_URL is set), shared by every instance: one key
/// per (client, route) whose expiry is its window, counted and given that expiry on its first hit by one
/// Lua script, so the count is atomic and keys vanish when their window ends. When Redis does not answer in time the request is counted in this instance's
/// memory instead (docs/adr/0086-general-limit-in-memory-or-redis.md): an outage of Redis weakens the limit
/// to per instance, it does not take the service down.
/// </summary>
public sealed partial class RedisAddressLimitStore(
    IConnectionMultiplexer redis,
    InMemoryAddressLimitStore fallback,
    IOptions<RedisOptions> options,
    ILogger<RedisAddressLimitStore> logger) : IAddressLimitStore
{
    private static readonly LuaScript Count = LuaScript.Prepare("""
        local hits = redis.call('INCR', @key)
        if hits == 1 then redis.call('PEXPIRE', @key, @ttl) end
        return { hits, redis.call('PTTL', @key) }
        """);

    private long _lastWarning;

    public async ValueTask<WindowCount> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var redisKey = new RedisKey(string.Create(CultureInfo.InvariantCulture, $"authplatform:limit:{(long)window.TotalMilliseconds}:{key}"));
        try
        {
            var ttl = (long)window.TotalMilliseconds;
            var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Count, new { key = redisKey, ttl })
                .WaitAsync(options.Value.Timeout, cancellationToken))!;
            var remaining = Math.Max(0, (long)result[1]);
            return new WindowCount((long)result[0], now + TimeSpan.FromMilliseconds(remaining) - window);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // Once a minute at most: an outage must not flood the log.
            var ticks = Environment.TickCount64;
            var last = Interlocked.Read(ref _lastWarning);
            if (ticks - last > 60_000 && Interlocked.CompareExchange(ref _lastWarning, ticks, last) == last)
            {
                RedisUnavailable(logger, ex.GetType().Name);
            }

            return await fallback.CountAsync(key, now, window, cancellationToken);
        }
    }

    [LoggerMessage(EventId = 4291, Level = LogLevel.Warning, Message = "Redis did not answer ({ErrorType}); the per-address limit is counted per instance until it does")]
    private static partial void RedisUnavailable(ILogger logger, string errorType);
}
