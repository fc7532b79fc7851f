using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Sessions.GetSession;

/// <summary>A session row and its user (null when the user row is gone).</summary>
internal sealed record SessionWithUser(Session Session, User? User);

/// <summary>
/// The session check's one query, compiled once: every get-session, /token and authenticated route runs
/// it, and a compiled query skips EF Core's per-call expression work (parameter extraction, query-cache
/// lookup, shaper delegate creation) while keeping its execution strategy and failure handling
/// (docs/adr/0050-hot-path-performance.md). Written against <see cref="DbContext"/>.Set so it needs no
/// concrete context type.
/// </summary>
internal static class SessionLookupQuery
{
    private static readonly Func<DbContext, byte[], CancellationToken, Task<SessionWithUser?>> ByDigest =
        EF.CompileAsyncQuery((DbContext db, byte[] digest, CancellationToken _) =>
            (from s in db.Set<Session>().AsNoTracking()
             where s.TokenDigest == digest
             join u in db.Set<User>().AsNoTracking() on s.UserId equals u.Id into users
             from u in users.DefaultIfEmpty()
             select new SessionWithUser(s, u))
            .FirstOrDefault());

    public static Task<SessionWithUser?> FindAsync(IAuthDbContext db, byte[] digest, CancellationToken cancellationToken) =>
        ByDigest(db as DbContext ?? throw new InvalidOperationException("IAuthDbContext must be an EF Core DbContext."), digest, cancellationToken);
}
