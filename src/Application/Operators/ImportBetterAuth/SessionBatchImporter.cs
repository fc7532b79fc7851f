using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>
/// Copies one batch of live BetterAuth sessions, stored by token digest, so signed-in users stay signed
/// in (their cookies verify when AUTH_SECRET equals the BETTER_AUTH_SECRET that signed them). Sessions of
/// users that were not imported are skipped; a session revoked here is never brought back.
/// pendingUserIds: users a dry run would have created, so its session counts stay true.
/// </summary>
internal sealed class SessionBatchImporter(IAuthDbContext db, TimeProvider clock, IOptions<SessionOptions> sessionOptions)
{
    private const int MaxIdLength = 64;

    public async Task<ImportTally> ImportAsync(IReadOnlyList<BetterAuthSession> batch, IReadOnlySet<string> pendingUserIds, bool dryRun, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var lifetime = sessionOptions.Value.ToLifetime();
        var tally = new ImportTallyBuilder();

        var parsed = new List<(BetterAuthSession Source, byte[] Digest)>();
        foreach (var source in batch)
        {
            if (!SessionToken.TryParse(source.Token, out var token) || source.Id.Length is 0 or > MaxIdLength)
            {
                tally.Skipped(ImportSkipReasons.InvalidToken);
            }
            else
            {
                parsed.Add((source, token.ComputeDigest()));
            }
        }

        var userIds = parsed.Select(p => p.Source.UserId).Distinct().ToList();
        var knownUsers = (await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => u.Id).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var ids = parsed.Select(p => p.Source.Id).ToList();
        var digests = parsed.Select(p => p.Digest).ToList();
        var existing = await db.Sessions.Where(s => ids.Contains(s.Id) || digests.Contains(s.TokenDigest)).ToListAsync(cancellationToken);

        foreach (var (source, digest) in parsed)
        {
            if (!knownUsers.Contains(source.UserId) && !pendingUserIds.Contains(source.UserId))
            {
                tally.Skipped(ImportSkipReasons.UserNotImported);
                continue;
            }

            var match = existing.FirstOrDefault(s => s.Id == source.Id) ?? existing.FirstOrDefault(s => s.TokenDigest.AsSpan().SequenceEqual(digest));
            if (match is not null)
            {
                if (match.Id != source.Id || match.UserId != source.UserId || !match.TokenDigest.AsSpan().SequenceEqual(digest))
                {
                    tally.Skipped(ImportSkipReasons.TokenConflict);
                }
                else if (match.ExtendFromImport(source.ExpiresAt, source.UpdatedAt))
                {
                    tally.Updated();
                }
                else
                {
                    tally.Skipped(match.RevokedAt is null ? ImportSkipReasons.UpToDate : ImportSkipReasons.ChangedHere);
                }

                continue;
            }

            // The absolute lifetime counts from BetterAuth's creation time: a session BetterAuth kept sliding
            // for longer than that is over here.
            var session = Session.Restore(source.Id, source.UserId, digest, source.CreatedAt, source.UpdatedAt, source.ExpiresAt, lifetime, source.IpAddress, source.UserAgent);
            if (!session.IsLiveAt(now))
            {
                tally.Skipped(ImportSkipReasons.PastAbsoluteLifetime);
                continue;
            }

            db.Sessions.Add(session);
            existing.Add(session);
            tally.Created();
        }

        if (!dryRun)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return tally.Build();
    }
}
