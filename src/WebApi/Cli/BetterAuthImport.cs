using AuthPlatform.Application.ImportBetterAuth;
using AuthPlatform.Infrastructure.BetterAuth;

namespace AuthPlatform.WebApi.Cli;

/// <summary>The counts of one import run, per kind of row, and what the source held.</summary>
public sealed record BetterAuthImportReport(
    string Source,
    bool DryRun,
    BetterAuthSourceSummary SourceSummary,
    ImportTally Users,
    ImportTally Passwords,
    ImportTally? Sessions);

/// <summary>
/// Runs an import: reads the BetterAuth database batch by batch and sends one import message per batch,
/// each in its own scope and transaction. An interrupted run can simply be started again: rows already
/// copied are recognised and skipped.
/// </summary>
public static class BetterAuthImport
{
    public const int DefaultBatchSize = 500;

    public static async Task<BetterAuthImportReport> RunAsync(IServiceProvider services, BetterAuthSourceDatabase source, bool includeSessions, bool dryRun, int batchSize, CancellationToken cancellationToken)
    {
        var summary = await source.SummarizeAsync(cancellationToken);
        var users = ImportTally.None;
        var passwords = ImportTally.None;

        // Users a dry run would create, so the sessions step counts their sessions as it would for real.
        var pendingUsers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in source.ReadUsersAsync(batchSize, cancellationToken))
        {
            var result = await OperatorHost.SendAsync(services, new ImportBetterAuthUsersCommand(batch, dryRun), cancellationToken);
            var value = result.IsSuccess ? result.Value : throw new InvalidOperationException($"A batch of users was refused: {result.Error!.Code}: {result.Error.Message}");
            users = users.Add(value.Users);
            passwords = passwords.Add(value.Credentials);
            if (dryRun)
            {
                pendingUsers.UnionWith(value.CreatedUserIds);
            }
        }

        ImportTally? sessions = null;
        if (includeSessions)
        {
            sessions = ImportTally.None;
            await foreach (var batch in source.ReadLiveSessionsAsync(batchSize, cancellationToken))
            {
                var result = await OperatorHost.SendAsync(services, new ImportBetterAuthSessionsCommand(batch, pendingUsers, dryRun), cancellationToken);
                sessions = sessions.Add(result.IsSuccess ? result.Value : throw new InvalidOperationException($"A batch of sessions was refused: {result.Error!.Code}: {result.Error.Message}"));
            }
        }

        return new BetterAuthImportReport(source.Description, dryRun, summary, users, passwords, sessions);
    }
}
