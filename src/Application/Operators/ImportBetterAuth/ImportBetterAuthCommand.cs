using System.Text;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>
/// A whole import run (`import-better-auth`): reads the BetterAuth database at <see cref="Location"/>
/// batch by batch and copies each batch in a transaction of its own (<see cref="UserBatchImporter"/>,
/// <see cref="SessionBatchImporter"/>). An interrupted run can simply be started again.
/// <see cref="Password"/> comes from the environment or standard input: a location that carries a
/// password itself is refused, because command lines are visible to other users and kept in shell history.
/// </summary>
public sealed record ImportBetterAuthCommand(string Location, string? Password, bool IncludeSessions, bool DryRun, int BatchSize = ImportBetterAuthCommand.DefaultBatchSize)
    : ICommand<Result<BetterAuthImportReport>>
{
    public const int DefaultBatchSize = 500;

    /// <summary>Rows per batch at most: one batch is one transaction and one round of queries.</summary>
    public const int MaxBatchSize = 1000;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("IncludeSessions = ").Append(IncludeSessions).Append(", DryRun = ").Append(DryRun).Append(", BatchSize = ").Append(BatchSize);
        return true;
    }
}

/// <summary>The counts of one import run, per kind of row, what the source held, and the users whose password was refused.</summary>
public sealed record BetterAuthImportReport(
    string Source,
    bool DryRun,
    BetterAuthSourceSummary SourceSummary,
    ImportTally Users,
    ImportTally Passwords,
    ImportTally? Sessions,
    IReadOnlyList<RefusedPasswordHash> RefusedPasswords);

/// <summary>Why an import did not run; each message says what to do.</summary>
public static class ImportBetterAuthErrors
{
    /// <summary>The environment variable the source database's password is read from.</summary>
    public const string PasswordVariable = "BETTER_AUTH_DATABASE_PASSWORD";

    public static readonly Error PasswordOnCommandLine = Errors.PasswordOnCommandLine;

    public static Error SchemaBehind(int pending) => Errors.SchemaBehindBy(pending);

    public static Error Source(string message) => Errors.BetterAuthSource.WithMessage(message);
}
