using AuthPlatform.Testing.Faults;

namespace AuthPlatform.FaultTests;

/// <summary>
/// The credential limit (per client address and route) is counted in PostgreSQL, so a client spreading its
/// requests over three instances gets exactly the configured number, not three times it, directly and
/// behind PgBouncer in transaction mode.
/// </summary>
public sealed class SharedCredentialLimitTests(ITestOutputHelper output)
{
    private const int Limit = 7;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_client_spread_over_three_instances_gets_exactly_the_credential_limit(bool throughPgBouncer)
    {
        await using var bed = await FaultTestBed.StartAsync();
        await using var bouncer = throughPgBouncer ? await PgBouncer.StartAsync(bed.Cluster.Port, serverConnections: 4) : null;
        var settings = new Dictionary<string, string?>
        {
            ["Auth__RateLimits__CredentialPermitLimit"] = $"{Limit}",
            ["Auth__RateLimits__CredentialWindow"] = "01:00:00",
        };
        if (bouncer is not null)
        {
            settings["AUTH_DATABASE_POOLER"] = "true";
        }

        var url = bouncer?.ConnectionString(FaultTestBed.DatabaseName) ?? bed.ServiceDatabaseUrl;
        await using var first = await ServiceInstance.StartAsync(url, settings);
        await using var second = await ServiceInstance.StartAsync(url, settings);
        await using var third = await ServiceInstance.StartAsync(url, settings);
        var instances = new[] { first.BaseAddress, second.BaseAddress, third.BaseAddress };
        using var client = new RawAuthClient();

        // 60 sign-ins at once, round robin over the instances (wrong passwords: each admitted one is a 401).
        var answers = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            client.SignInAsync(instances[i % 3], $"spread-{i}@example.com", "not the password")));

        var admitted = answers.Count(a => a.Status != 429);
        var perInstance = string.Join(", ", Enumerable.Range(0, 3).Select(n => answers.Where((_, i) => i % 3 == n).Count(a => a.Status != 429)));
        output.WriteLine($"{(throughPgBouncer ? "through PgBouncer" : "direct")}: {admitted} of 60 sign-ins admitted with a limit of {Limit} (per instance: {perInstance}); statuses: "
            + string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} x{g.Count()}")));
        Assert.All(answers, a => Assert.Contains(a.Status, new[] { 401, 429 }));
        Assert.Equal(Limit, admitted);
        Assert.All(answers.Where(a => a.Status == 429), a => Assert.NotNull(a.RetryAfter));

        // The same limit on sign-up, sequentially from instance to instance: the 8th is refused wherever it lands.
        for (var i = 0; i < Limit; i++)
        {
            Assert.NotEqual(429, (await client.SignUpAsync(instances[i % 3], $"new-{i}-{Guid.NewGuid():N}@example.com", "correct horse battery staple")).Status);
        }

        foreach (var instance in instances)
        {
            Assert.Equal(429, (await client.SignUpAsync(instance, $"late-{Guid.NewGuid():N}@example.com", "correct horse battery staple")).Status);
        }
    }
}
