using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using AuthPlatform.Domain.Verification;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// A new password set by someone who proved they read the account's mail (a reset link, or a reset code):
/// the one set of rules both follow (ADR 0082, 0087, 0110, 0111).
/// </summary>
public sealed class PasswordReset(IAuthDbContext db, IPasswordCredentialLock credentialLock, TimeProvider clock, IOptions<EmailOptions> email, AuditTrail audit)
{
    /// <summary>
    /// Under the credential row's lock, as a password change (ADR 0087): a sign-in verified against the old hash
    /// either committed its session before this (and the sweep below ends it) or sees the new hash and creates
    /// nothing. <paramref name="useProof"/> uses the link or code under the lock too (one conditional UPDATE), so
    /// of two proofs of one user racing, the second finds itself withdrawn by the first. Then: the password set,
    /// every outstanding reset link withdrawn, what was added before the address was first proven removed
    /// (ADR 0111), and every session ended (Auth:Email:RevokeSessionsOnPasswordReset). False when
    /// <paramref name="useProof"/> failed, or the user is gone or left <paramref name="provenAddress"/>.
    /// </summary>
    public Task<bool> ApplyAsync(string userId, string provenAddress, string newHash, Func<CancellationToken, Task<bool>> useProof, CancellationToken cancellationToken) =>
        credentialLock.RunLockedAsync(userId, async (_, ct) =>
        {
            var now = clock.GetUtcNow();
            var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, ct);
            if (user is null || user.Email != provenAddress || !await useProof(ct))
            {
                return false;
            }

            var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == user.Id, ct);
            if (credential is null)
            {
                db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, newHash, now));
            }
            else
            {
                credential.ReplaceHash(newHash, now);
            }

            await Tickets.WithdrawOutstandingAsync(db, user.Id, VerificationPurpose.PasswordReset, now, ct);
            audit.Record(AuditEventTypes.PasswordReset, user.Id);

            // The link proved the address: what a squatter may have added before that goes (ADR 0111).
            await UnprovenMethods.RemoveOnFirstProofAsync(db, user, now, ct);
            if (email.Value.RevokeSessionsOnPasswordReset)
            {
                await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: null, SessionRevocationReason.PasswordChanged, now, ct);
            }

            await db.SaveChangesAsync(ct);
            return true;
        }, cancellationToken);
}
