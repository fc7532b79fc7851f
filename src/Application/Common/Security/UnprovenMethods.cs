using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// The rule for the moment an account's address is proven for the first time (a followed reset link, or a
/// followed verification or change-of-email link of a never-verified account): every way in that was added
/// while nobody had shown they read mail at the address is removed, because whoever added it may be a
/// squatter who registered someone else's address first (pre-registration takeover). Removed: passkeys,
/// linked identity-provider accounts (and pending link requests), the TOTP enrolment with its backup codes,
/// pending second-factor and passkey challenges, trusted devices, and every session. The password stays:
/// a reset replaces it anyway, and on a verification the one who follows the link is, in the ordinary case,
/// the one who chose it. Then the address is marked verified, so the rule runs once per account.
/// All changes are tracked: the caller saves them in the same transaction as the proof itself.
/// docs/adr/0111-address-proof-removes-unproven-sign-in-methods.md.
/// </summary>
public static class UnprovenMethods
{
    /// <summary>Applies the rule when <paramref name="user"/>'s address was never verified; otherwise does nothing.</summary>
    /// <returns>True when the address was unproven until now (and so the rule ran).</returns>
    public static async Task<bool> RemoveOnFirstProofAsync(IAuthDbContext db, User user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (user.EmailVerified)
        {
            return false;
        }

        var id = user.Id;
        db.Passkeys.RemoveRange(await db.Passkeys.Where(p => p.UserId == id).ToListAsync(cancellationToken));
        db.WebAuthnChallenges.RemoveRange(await db.WebAuthnChallenges.Where(c => c.UserId == id).ToListAsync(cancellationToken));
        db.Accounts.RemoveRange(await db.Accounts.Where(a => a.UserId == id).ToListAsync(cancellationToken));
        db.OAuthStates.RemoveRange(await db.OAuthStates.Where(s => s.LinkUserId == id).ToListAsync(cancellationToken));
        db.TwoFactorEnrolments.RemoveRange(await db.TwoFactorEnrolments.Where(e => e.UserId == id).ToListAsync(cancellationToken));
        db.BackupCodes.RemoveRange(await db.BackupCodes.Where(c => c.UserId == id).ToListAsync(cancellationToken));
        db.TwoFactorChallenges.RemoveRange(await db.TwoFactorChallenges.Where(c => c.UserId == id).ToListAsync(cancellationToken));
        db.TrustedDevices.RemoveRange(await db.TrustedDevices.Where(d => d.UserId == id).ToListAsync(cancellationToken));
        await SessionRevocation.RevokeAllAsync(db, id, exceptSessionId: null, SessionRevocationReason.AddressProven, now, cancellationToken);
        user.MarkEmailVerified(now);
        return true;
    }
}
