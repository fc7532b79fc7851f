using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// Adding a way to sign in or a second factor (a passkey, TOTP, an identity provider's account) needs the
/// user's own address verified: otherwise whoever registered someone else's address first could plant a
/// method that survives the owner claiming the account by a password reset (account pre-hijacking).
/// A provider's account is linked only when the provider vouches for the address it reports: it says
/// the address is verified, or it is listed as trusted. The one place these rules are decided.
/// </summary>
public sealed class VerifiedAddressPolicy(IAuthDbContext db)
{
    /// <summary>Null when <paramref name="userId"/> may add a method; else 403 EMAIL_NOT_VERIFIED.</summary>
    public async Task<Error?> CheckAsync(string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is not null && MayAddMethods(user) ? null : MailErrors.EmailNotVerified;
    }

    /// <summary>Whether <paramref name="user"/> may add a way to sign in or a second factor.</summary>
    public static bool MayAddMethods(User user) => user.EmailVerified;

    /// <summary>Whether a provider's account may be linked on the strength of the address it reports.</summary>
    public static bool ProviderVouchesForAddress(SocialOptions social, string providerId, bool providerSaysVerified) =>
        providerSaysVerified || social.IsTrusted(providerId);
}
