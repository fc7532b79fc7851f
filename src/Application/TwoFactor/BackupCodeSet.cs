using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.TwoFactor;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor;

/// <summary>A user's backup codes are replaced as a whole: the old set stops working when a new one is shown.</summary>
internal static class BackupCodeSet
{
    public static async Task<IReadOnlyList<string>> ReplaceAsync(IAuthDbContext db, string userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        db.BackupCodes.RemoveRange(await db.BackupCodes.Where(c => c.UserId == userId).ToListAsync(cancellationToken));
        var (rows, codes) = BackupCode.NewSet(userId, now);
        db.BackupCodes.AddRange(rows);
        return codes;
    }
}
