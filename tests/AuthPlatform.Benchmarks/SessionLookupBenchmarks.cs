using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.EmailPassword.SignUp;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.WebApi.Hosting;
using BenchmarkDotNet.Attributes;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AuthPlatform.Benchmarks;

/// <summary>
/// The session check against a real PostgreSQL: GetSessionQuery through the Mediator pipeline (logging and
/// validation behaviours, the compiled lookup query, the row-to-DTO mapping), as get-session and /token run it,
/// on the service's own container and connection pool. Times include the loopback round trip to the server.
/// Needs AUTHPLATFORM_BENCH_PG: an admin connection string (build/microbench.sh starts a cluster and sets it).
/// </summary>
public class SessionLookupBenchmarks
{
    private const string DatabaseName = "authplatform_microbench";

    private WebApplication _app = null!;
    private SessionToken _token;

    [GlobalSetup]
    public void Setup() => SetupAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Cleanup() => _app.DisposeAsync().AsTask().GetAwaiter().GetResult();

    [Benchmark]
    public async Task<bool> Session_lookup_through_get_session()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new GetSessionQuery(_token, DisableRefresh: true, "cookie"));
        return result.Value.Current is not null;
    }

    private async Task SetupAsync()
    {
        var admin = Environment.GetEnvironmentVariable("AUTHPLATFORM_BENCH_PG")
            ?? throw new InvalidOperationException("Set AUTHPLATFORM_BENCH_PG to an admin connection string (build/microbench.sh does).");
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"drop database if exists {DatabaseName} with (force)", connection);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"create database {DatabaseName}", connection);
            await create.ExecuteNonQueryAsync();
        }

        var database = new NpgsqlConnectionStringBuilder(admin) { Database = DatabaseName };
        Environment.SetEnvironmentVariable("DATABASE_URL", database.ConnectionString);
        Environment.SetEnvironmentVariable("AUTH_SECRET", "benchmark-secret-0123456789-abcdefghijklmnopqrstuvwxyz");
        Environment.SetEnvironmentVariable("AUTH_BASE_URL", "http://127.0.0.1:5000");
        Environment.SetEnvironmentVariable("ASPNETCORE_ENVIRONMENT", "Production");
        Environment.SetEnvironmentVariable("Serilog__MinimumLevel__Default", "Warning");
        _app = ServiceHost.Build([]);

        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AuthDbContext>().Database.MigrateAsync();
        var signUp = await scope.ServiceProvider.GetRequiredService<ISender>().Send(
            new SignUpCommand("Bench", "bench@example.com", "correct horse battery", null, RememberMe: true, ClientInfo.Unknown));
        _token = signUp.Value.Session!.Token;
        if (!await Session_lookup_through_get_session())
        {
            throw new InvalidOperationException("the benchmark session was not found");
        }
    }
}
