using AuthPlatform.Application.Common.Options;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Cookies;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Hosting;

/// <summary>
/// What runs before the service accepts traffic: every configuration problem reported at once; a log line
/// saying what was loaded (never a secret); the database reached (bounded retries) and its schema checked.
/// </summary>
public static partial class StartupChecks
{
    public static async Task<int> RunAsync(WebApplication app, CancellationToken cancellationToken)
    {
        if (await ValidateConfigurationAsync(app) is var exit and not 0)
        {
            return exit;
        }

        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AuthPlatform.Startup");
        LogLoadedConfiguration(app.Services, logger);
        return await CheckDatabaseAsync(app.Services, logger, cancellationToken);
    }

    /// <summary>Validates every options class; on failure prints all problems to stderr and returns the exit code.</summary>
    public static async Task<int> ValidateConfigurationAsync(WebApplication app)
    {
        try
        {
            app.Services.GetRequiredService<IStartupValidator>().Validate();
            return 0;
        }
        catch (Exception ex) when (StartupProblems.From(ex) is { Count: > 0 } problems)
        {
            await Console.Error.WriteLineAsync(StartupProblems.Format(problems));
            var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("AuthPlatform.Startup");
            ConfigurationInvalid(logger, problems.Count, string.Join(" | ", problems));
            return StartupProblems.ConfigurationExitCode;
        }
    }

    private static void LogLoadedConfiguration(IServiceProvider services, ILogger logger)
    {
        var auth = services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var cookie = services.GetRequiredService<SessionCookies>().Policy;
        ConfigurationLoaded(logger, auth.BaseUrl!, auth.BasePath, string.Join(",", auth.TrustedOriginList), auth.SecretRing.Count,
            cookie.SessionTokenName, cookie.SameSite, cookie.Secure, cookie.Partitioned,
            DatabaseConnectionString.Describe(DatabaseConnectionString.Build(database)), database.MaxPoolSize, database.Pooler);
    }

    private static async Task<int> CheckDatabaseAsync(IServiceProvider services, ILogger logger, CancellationToken cancellationToken)
    {
        var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        var status = services.GetRequiredService<DatabaseStatus>();
        DatabaseReport? report = null;
        for (var attempt = 1; report is null; attempt++)
        {
            try
            {
                report = await status.ProbeAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.StartupAttempts)
                {
                    var message = $"AuthPlatform cannot start: the database did not answer after {attempt} attempts ({ex.GetType().Name}: {ex.Message}). Check DATABASE_URL and that PostgreSQL is running.";
                    await Console.Error.WriteLineAsync(message);
                    DatabaseUnreachable(logger, attempt, ex.GetType().Name, ex.Message);
                    return StartupProblems.DatabaseExitCode;
                }

                DatabaseRetry(logger, attempt, options.StartupAttempts, ex.GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(8, attempt * 2)), cancellationToken);
            }
        }

        if (report.PendingMigrations.Count > 0 && options.MigrateOnStartup)
        {
            var applied = await status.MigrateAsync(cancellationToken);
            MigrationsApplied(logger, string.Join(", ", applied));
            report = await status.ProbeAsync(cancellationToken);
        }

        DatabaseAnswered(logger, report.Latency.TotalMilliseconds, report.ServerVersion,
            report.AppliedMigrations.Count == 0 ? "none" : string.Join(", ", report.AppliedMigrations));
        if (report.PendingMigrations.Count > 0)
        {
            var message = $"AuthPlatform cannot start: the database schema is behind; {report.PendingMigrations.Count} migration(s) pending ({string.Join(", ", report.PendingMigrations)}). Run the `migrate` command or set AUTH_MIGRATE_ON_START=true.";
            await Console.Error.WriteLineAsync(message);
            SchemaBehind(logger, string.Join(", ", report.PendingMigrations));
            return StartupProblems.DatabaseExitCode;
        }

        return 0;
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information,
        Message = "Configuration loaded: base URL {BaseUrl}, base path {BasePath}, trusted origins {TrustedOrigins}, {SecretCount} secret(s), cookie {CookieName} (SameSite={SameSite}, Secure={Secure}, Partitioned={Partitioned}), database {Database} (pool max {MaxPoolSize}, pooler {Pooler})")]
    private static partial void ConfigurationLoaded(ILogger logger, string baseUrl, string basePath, string trustedOrigins, int secretCount, string cookieName, string sameSite, bool secure, bool partitioned, string database, int maxPoolSize, bool pooler);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Information,
        Message = "Database answered in {LatencyMs:0.0} ms (PostgreSQL {ServerVersion}); migrations applied: {AppliedMigrations}")]
    private static partial void DatabaseAnswered(ILogger logger, double latencyMs, string serverVersion, string appliedMigrations);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Applied migrations at start-up: {Migrations}")]
    private static partial void MigrationsApplied(ILogger logger, string migrations);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Warning, Message = "Database not reachable (attempt {Attempt} of {Attempts}): {ExceptionType}; retrying")]
    private static partial void DatabaseRetry(ILogger logger, int attempt, int attempts, string exceptionType);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Critical, Message = "Database not reachable after {Attempts} attempts: {ExceptionType}: {ExceptionMessage}")]
    private static partial void DatabaseUnreachable(ILogger logger, int attempts, string exceptionType, string exceptionMessage);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Critical, Message = "Database schema is behind; pending migrations: {Migrations}")]
    private static partial void SchemaBehind(ILogger logger, string migrations);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Critical, Message = "Configuration invalid ({ProblemCount} problems): {Problems}")]
    private static partial void ConfigurationInvalid(ILogger logger, int problemCount, string problems);
}
