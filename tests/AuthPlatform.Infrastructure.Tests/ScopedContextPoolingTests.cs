using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>
/// A request scope resolves the pooled context both as <see cref="IAuthDbContext"/> and as
/// <see cref="AuthDbContext"/>. It must go back to the pool exactly once when the scope ends: returned
/// twice, the second return can hit the instance after another request rented it, and two requests
/// then share one context and one connection ("A command is already in progress", a disposed context
/// in the middle of a sign-out, a request that never ends).
/// </summary>
public sealed class ScopedContextPoolingTests(TestDatabase database)
{
    [Fact]
    public async Task Concurrent_request_scopes_never_share_a_pooled_context()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Url"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddInfrastructure();
        await using var provider = services.BuildServiceProvider();

        var inUse = new ConcurrentDictionary<AuthDbContext, int>(ReferenceEqualityComparer.Instance);
        var shared = 0;
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 4000), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, cancellationToken) =>
        {
            var scope = provider.CreateAsyncScope();
            try
            {
                var db = scope.ServiceProvider.GetRequiredService<IAuthDbContext>();
                var context = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
                Assert.Same(db, context);
                if (!inUse.TryAdd(context, i))
                {
                    Interlocked.Increment(ref shared);
                }

                await context.Users.AnyAsync(cancellationToken);
                inUse.TryRemove(context, out var _);
            }
            catch (Exception ex)
            {
                failures.Enqueue(ex.GetType().Name + ": " + ex.Message);
            }
            finally
            {
                await scope.DisposeAsync();
            }
        });

        Assert.Equal(0, shared);
        Assert.Empty(failures);
    }
}
