using System.CommandLine;
using System.Text.Json;
using AuthPlatform.Application.Operators.ImportBetterAuth;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// <c>import-better-auth --from postgres://user@host/db [--password-stdin] [--sessions] [--dry-run]</c>: copies
/// users, passwords and (optionally) live sessions from a BetterAuth database. The source's password comes
/// from BETTER_AUTH_DATABASE_PASSWORD or standard input, never the command line. Prints counts; never a hash or a token.
/// </summary>
public static class ImportBetterAuthCommandLine
{
    public static Command Create()
    {
        var from = new Option<string>("--from")
        {
            Description = $"The BetterAuth PostgreSQL database: a postgres:// URL or an Npgsql connection string, without the password (set {ImportBetterAuthErrors.PasswordVariable} or use --password-stdin). Only read, never written.",
            Required = true,
        };
        var passwordStdin = new Option<bool>("--password-stdin") { Description = "Read the source database's password from the first line of standard input." };
        var sessions = new Option<bool>("--sessions")
        {
            Description = "Also copy live sessions, so signed-in users stay signed in (needs AUTH_SECRET = their BETTER_AUTH_SECRET).",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would be copied; save nothing." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Rows per batch; each batch is one transaction.",
            DefaultValueFactory = _ => ImportBetterAuthCommand.DefaultBatchSize,
        };
        batchSize.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > ImportBetterAuthCommand.MaxBatchSize)
            {
                result.AddError($"--batch-size must be between 1 and {ImportBetterAuthCommand.MaxBatchSize}.");
            }
        });

        var command = new Command("import-better-auth", "Copy users, passwords and (with --sessions) live sessions from a BetterAuth database. Safe to run again.")
        {
            from, passwordStdin, sessions, dryRun, json, batchSize,
        };
        command.SetAction((parse, cancellationToken) => OperatorHost.RunAsync(async (services, ct) =>
        {
            var password = parse.GetValue(passwordStdin)
                ? Console.In.ReadLine()?.TrimEnd('\r', '\n')
                : Environment.GetEnvironmentVariable(ImportBetterAuthErrors.PasswordVariable);
            var result = await OperatorHost.SendAsync(services,
                new ImportBetterAuthCommand(parse.GetValue(from)!, password, parse.GetValue(sessions), parse.GetValue(dryRun), parse.GetValue(batchSize)), ct);
            if (!result.IsSuccess)
            {
                // The message alone, as before: it names the problem and what to do (batches saved before a failure stay).
                await Console.Error.WriteLineAsync(result.Error!.Message);
                return OperatorHost.FailedExitCode;
            }

            await Console.Out.WriteLineAsync(parse.GetValue(json)
                ? JsonSerializer.Serialize(result.Value, JsonOptions)
                : BetterAuthImportReportText.Format(result.Value));
            return 0;
        }, cancellationToken));
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
