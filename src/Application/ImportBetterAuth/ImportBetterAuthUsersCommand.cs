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

/// <summary>
/// Counts for users and for their passwords, the ids of the users this batch created, and the users whose
/// password hash was refused, with the reason (e.g. its cost parameters), so operators can follow up.
/// </summary>
public sealed record ImportBetterAuthUsersResult(ImportTally Users, ImportTally Credentials, IReadOnlyList<string> CreatedUserIds, IReadOnlyList<RefusedPasswordHash> RefusedHashes);

/// <summary>A user whose password was not taken over, and why (never the hash itself).</summary>
public sealed record RefusedPasswordHash(string UserId, string Reason);
