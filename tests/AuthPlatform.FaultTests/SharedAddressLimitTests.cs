using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The general per-address limit: counted in each instance's memory by default (three instances allow three
/// times the limit, as documented), and shared exactly through a real Redis when REDIS_URL is set.
/// </summary>
public sealed class SharedAddressLimitTests(ITestOutputHelper output)
{
    private const int Limit = 200;
    private const int Requests = 900;

    [Fact]
    public async Task Without_redis_each_instance_counts_alone_and_with_redis_three_instances_share_one_count()
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var redis = await RedisServer.StartAsync();
        var local = await AdmittedAsync(bed, redisUrl: null);
        var shared = await AdmittedAsync(bed, redis.Url);

        output.WriteLine($"{Requests} requests to /ok spread over 3 instances, limit {Limit}: {local} admitted per instance in memory, {shared} admitted with Redis");
        Assert.Equal(3 * Limit, local);
        Assert.Equal(Limit, shared);
    }

    private static async Task<int> AdmittedAsync(FaultTestBed bed, string? redisUrl)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth__RateLimits__PermitLimit"] = $"{Limit}",
            ["Auth__RateLimits__Window"] = "01:00:00",
            ["REDIS_URL"] = redisUrl,
            ["Redis__Timeout"] = "00:00:05", // a loaded test machine must not push counts to the in-memory fallback
        };
        await using var first = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var second = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        await using var third = await ServiceInstance.StartAsync(bed.ServiceDatabaseUrl, settings);
        var instances = new[] { first.BaseAddress, second.BaseAddress, third.BaseAddress };
        using var client = new RawAuthClient();

        using var gate = new SemaphoreSlim(32);
        var statuses = await Task.WhenAll(Enumerable.Range(0, Requests).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                return await client.GetStatusAsync(instances[i % 3], "/api/auth/ok");
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.All(statuses, s => Assert.Contains(s, new[] { 200, 429 }));
        return statuses.Count(s => s == 200);
    }
}
