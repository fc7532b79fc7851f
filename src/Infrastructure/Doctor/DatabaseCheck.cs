using System.Diagnostics;
using System.Globalization;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>The database answers, through the service's own connection pool, and how fast.</summary>
public sealed class DatabaseCheck : IDoctorCheck
{
    /// <summary>Above this, every request that reads the database waits noticeably.</summary>
    public static readonly TimeSpan SlowRoundTrip = TimeSpan.FromMilliseconds(50);

    private const string Fix = "check DATABASE_URL (host, port, user, password, sslmode) and that PostgreSQL runs and is reachable from here";

    public string Name => "database";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (!DatabaseUrl.TryParse(context.Database().Url, out _, out var problem))
        {
            return DoctorResult.Fail(problem, "set DATABASE_URL to postgres://user:password@host:5432/database (or an Npgsql connection string)");
        }

        var server = DatabaseConnectionString.Describe(DatabaseConnectionString.Build(context.Database()));
        DatabaseObservation observation;
        try
        {
            observation = await ObserveAsync(context, server, cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            return DoctorResult.Fail($"PostgreSQL at {server} did not answer: {ex.Message}{(ex.InnerException is { } inner ? $" ({inner.Message})" : string.Empty)}", Fix);
        }
        catch (OptionsValidationException)
        {
            return DoctorResult.Fail($"the Database settings are invalid, so no connection to {server} was tried", "correct the settings the configuration check lists");
        }

        context.DatabaseObservation = observation;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"PostgreSQL {observation.ServerVersion} at {server}: connected in {observation.ConnectTime.TotalMilliseconds:0} ms, round trip {observation.RoundTrip.TotalMilliseconds:0.0} ms");
        return observation.RoundTrip > SlowRoundTrip
            ? DoctorResult.Warn(summary + " (slow)", "run the service in the same region as its database; every request that reads the database pays this round trip")
            : DoctorResult.Pass(summary);
    }

    private static async Task<DatabaseObservation> ObserveAsync(DoctorContext context, string server, CancellationToken cancellationToken)
    {
        var dataSource = context.Services.GetRequiredService<NpgsqlDataSource>();
        var started = Stopwatch.GetTimestamp();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var connectTime = Stopwatch.GetElapsedTime(started);

        // A first command pays one-off costs (type loading); time the second, as a request would see it.
        await using (var warmUp = new NpgsqlCommand("select 1", connection))
        {
            await warmUp.ExecuteScalarAsync(cancellationToken);
        }

        const string sql = """
            select clock_timestamp(), current_setting('server_version'),
                   current_setting('max_connections')::int, current_setting('superuser_reserved_connections')::int,
                   (select count(*)::int from pg_stat_activity where backend_type = 'client backend')
            """;
        await using var command = new NpgsqlCommand(sql, connection);
        var before = context.Clock.GetUtcNow();
        var roundTrip = Stopwatch.GetTimestamp();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var elapsed = Stopwatch.GetElapsedTime(roundTrip);
        return new DatabaseObservation(
            server,
            reader.GetString(1),
            connectTime,
            elapsed,
            reader.GetFieldValue<DateTimeOffset>(0),
            before + (elapsed / 2),
            reader.GetInt32(2),
            reader.GetInt32(3),
            reader.GetInt32(4));
    }
}
