using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor;

/// <summary>Ends a user's TOTP second factor: the secret, the backup codes, pending challenges and trusted devices. Passkeys stay.</summary>
internal static class SecondFactorRemoval
{
    public static async Task<int> RemoveAllAsync(IAuthDbContext db, string userId, CancellationToken cancellationToken)
    {
        var removed = await db.TwoFactorEnrolments.Where(e => e.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.BackupCodes.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.TwoFactorChallenges.Where(c => c.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.TrustedDevices.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return removed;
    }
}
