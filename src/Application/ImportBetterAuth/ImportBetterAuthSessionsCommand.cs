using System.Text;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ImportBetterAuth;

/// <summary>
/// Copy one batch of live BetterAuth sessions, stored by token digest, so signed-in users stay signed in
/// (their cookies verify when AUTH_SECRET equals the BETTER_AUTH_SECRET that signed them). Sessions of
/// users that were not imported are skipped. A session revoked here is never brought back.
/// <see cref="PendingUserIds"/>: users a dry run would have created, so its session counts stay true.
/// </summary>
public sealed record ImportBetterAuthSessionsCommand(IReadOnlyList<BetterAuthSession> Sessions, IReadOnlySet<string> PendingUserIds, bool DryRun)
    : ICommand<Result<ImportTally>>
{
    public const int MaxBatchSize = 1000;

    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Sessions = ").Append(Sessions.Count).Append(" rows, DryRun = ").Append(DryRun);
        return true;
    }
}
