using System.Text;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ImportBetterAuth;

/// <summary>
/// Copy one batch of BetterAuth users and their passwords (the `import-better-auth` command sends one
/// per batch; each is one transaction). Rows are matched by id, then by email; a re-run writes nothing
/// new. With <see cref="DryRun"/> nothing is saved, but the counts are those a real run would report.
/// </summary>
public sealed record ImportBetterAuthUsersCommand(IReadOnlyList<BetterAuthUser> Users, bool DryRun)
    : ICommand<Result<ImportBetterAuthUsersResult>>
{
    public const int MaxBatchSize = 1000;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Users = ").Append(Users.Count).Append(" rows, DryRun = ").Append(DryRun);
        return true;
    }
}

/// <summary>Counts for users and for their passwords, and the ids of the users this batch created.</summary>
public sealed record ImportBetterAuthUsersResult(ImportTally Users, ImportTally Credentials, IReadOnlyList<string> CreatedUserIds);
