using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>
/// Reads the source batch by batch and copies each batch in a scope of its own (a fresh DbContext and
/// transaction, as one HTTP request would have): a large import neither grows one change tracker nor
/// holds one long transaction, and batches saved before a failure stay.
/// </summary>
internal sealed class ImportBetterAuthCommandHandler(IDatabaseSchema schema, IBetterAuthSourceConnector connector, IServiceScopeFactory scopes)
    : ICommandHandler<ImportBetterAuthCommand, Result<BetterAuthImportReport>>
{
    public async ValueTask<Result<BetterAuthImportReport>> Handle(ImportBetterAuthCommand command, CancellationToken cancellationToken)
    {
        if (connector.CarriesPassword(command.Location))
        {
            return ImportBetterAuthErrors.PasswordOnCommandLine;
        }

        var target = await schema.ReadAsync(cancellationToken);
        if (target.Pending.Count > 0)
        {
            return ImportBetterAuthErrors.SchemaBehind(target.Pending.Count);
        }

        try
        {
            await using var source = await connector.OpenAsync(command.Location, command.Password, cancellationToken);
            return await ImportAsync(source, command, cancellationToken);
        }
        catch (BetterAuthSourceException ex)
        {
            return ImportBetterAuthErrors.Source(ex.Message);
        }
    }

    private async Task<Result<BetterAuthImportReport>> ImportAsync(IBetterAuthSource source, ImportBetterAuthCommand command, CancellationToken cancellationToken)
    {
        var summary = await source.SummarizeAsync(cancellationToken);
        var users = ImportTally.None;
        var passwords = ImportTally.None;
        var refused = new List<RefusedPasswordHash>();

        // Users a dry run would create, so the sessions step counts their sessions as it would for real.
        var pendingUsers = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var batch in source.ReadUsersAsync(command.BatchSize, cancellationToken))
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<UserBatchImporter>().ImportAsync(batch, command.DryRun, cancellationToken);
            users = users.Add(result.Users);
            passwords = passwords.Add(result.Credentials);
            refused.AddRange(result.RefusedHashes);
            if (command.DryRun)
            {
                pendingUsers.UnionWith(result.CreatedUserIds);
            }
        }

        ImportTally? sessions = null;
        if (command.IncludeSessions)
        {
            sessions = ImportTally.None;
            await foreach (var batch in source.ReadLiveSessionsAsync(command.BatchSize, cancellationToken))
            {
                await using var scope = scopes.CreateAsyncScope();
                var tally = await scope.ServiceProvider.GetRequiredService<SessionBatchImporter>().ImportAsync(batch, pendingUsers, command.DryRun, cancellationToken);
                sessions = sessions.Add(tally);
            }
        }

        return new BetterAuthImportReport(source.Description, command.DryRun, summary, users, passwords, sessions, refused);
    }
}
