using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Mail;

/// <summary>The user a magic link or a sign-in code proved the address of; <see cref="Created"/> when the proof signed them up.</summary>
public sealed record ProvenOwner(User User, bool Created);

/// <summary>
/// Who a mailed link or sign-in code lets in: the user at the address, whose address is now proven (on a
/// never-verified account, what was added before goes: ADR 0111, as BetterAuth "promotes" such a user); or,
/// when sign-up is allowed, a new user at the address, verified. All tracked; the caller saves them with the session.
/// </summary>
public static class ProvenAddressOwner
{
    /// <summary>Null when the address has no account and <paramref name="allowSignUp"/> is false.</summary>
    public static async Task<ProvenOwner?> FindOrCreateAsync(
        IAuthDbContext db, AuditTrail audit, string email, string? name, string? image, bool allowSignUp, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is not null)
        {
            await UnprovenMethods.RemoveOnFirstProofAsync(db, user, now, cancellationToken);
            return new ProvenOwner(user, Created: false);
        }

        if (!allowSignUp)
        {
            return null;
        }

        // BetterAuth names such a user "" when no name came; a user here has a name, so the address's local part.
        var address = EmailAddress.Parse(email);
        var displayName = string.IsNullOrWhiteSpace(name) ? email[..email.IndexOf('@')] : name.Trim();
        var created = User.Register(displayName, address, image, now);
        created.MarkEmailVerified(now);
        db.Users.Add(created);
        audit.Record(AuditEventTypes.SignUp, created.Id, reason: "proven-address", actorId: created.Id);
        return new ProvenOwner(created, Created: true);
    }
}
