using System.CommandLine;
using System.Text.Json;
using AuthPlatform.Application.ImportBetterAuth;
using AuthPlatform.Infrastructure.BetterAuth;
using AuthPlatform.Infrastructure.Persistence;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>import-better-auth --from postgres://... [--sessions] [--dry-run]</c>: copies users, passwords and
/// (optionally) live sessions from a BetterAuth database. Prints counts; never a hash or a token.
/// </summary>
public static class ImportBetterAuthCommandLine
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = "The BetterAuth PostgreSQL database: a postgres:// URL or an Npgsql connection string. Only read, never written.",
            Required = true,
        };
        var sessions = new Option<bool>("--sessions")
        {
            Description = "Also copy live sessions, so signed-in users stay signed in (needs AUTH_SECRET = their BETTER_AUTH_SECRET).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be copied; save nothing." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per batch; each batch is one transaction.",
            DefaultValueFactory = _ => BetterAuthImport.DefaultBatchSize,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ImportBetterAuthUsersCommand.MaxBatchSize)
            {
                result.AddError($"--batch-size must be between 1 and {ImportBetterAuthUsersCommand.MaxBatchSize}.");
            }
        });

        var command = new Command("import-better-auth", "Copy users, passwords and (with --sessions) live sessions from a BetterAuth database. Safe to run again.")
        {
            from, sessions, dryRun, json, batchSize,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var target = await services.GetRequiredService<DatabaseStatus>().ProbeAsync(ct);
            if (target.PendingMigrations.Count > 0)
            {
                await Console.Error.WriteLineAsync($"This service's database schema is behind ({target.PendingMigrations.Count} migration(s) pending): run the `migrate` command first.");
                return OperatorHost.FailedExitCode;
            }

            try
            {
                await using var source = await BetterAuthSourceDatabase.OpenAsync(parse.GetValue(from)!, ct);
                var report = await BetterAuthImport.RunAsync(services, source, parse.GetValue(sessions), parse.GetValue(dryRun), parse.GetValue(batchSize), ct);
                await Console.Out.WriteLineAsync(parse.GetValue(json)
                    ? JsonSerializer.Serialize(report, JsonOptions)
                    : BetterAuthImportReportText.Format(report));
                return 0;
            }
            catch (BetterAuthSourceException ex)
            {
                // Batches saved before the failure stay; running the import again continues from there.
                await Console.Error.WriteLineAsync(ex.Message);
                return OperatorHost.FailedExitCode;
            }
        }, cancellationToken));
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
