using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor;

/// <summary>
/// Changes to a user's second factors need the password, even with a session: a stolen cookie alone
/// must not be able to replace or remove them. Wrong guesses spend the per-account sign-in budget.
/// </summary>
internal sealed class PasswordConfirmation(IAuthDbContext db, IPasswordHasher passwordHasher, IFailedSignInThrottle throttle)
{
    public async Task<Error?> CheckAsync(string userId, string? password, CancellationToken cancellationToken)
    {
        var account = await (
                from user in db.Users
                where user.Id == userId
                join credential in db.PasswordCredentials on user.Id equals credential.UserId
                select new { user.Email, credential.PasswordHash })
            .FirstOrDefaultAsync(cancellationToken);
        if (account is null || string.IsNullOrEmpty(password))
        {
            return SecurityErrors.InvalidPassword;
        }

        var email = EmailAddress.Parse(account.Email);
        // The same per-account bucket as sign-in: the token is taken before hashing, given back when right.
        if (await throttle.TryTakeAsync(email, cancellationToken) is { } retryAfter)
        {
            return SecurityErrors.TooManyFailedSignIns(retryAfter);
        }

        if (await passwordHasher.VerifyAsync(password, account.PasswordHash, cancellationToken) == PasswordVerification.Failed)
        {
            return SecurityErrors.InvalidPassword;
        }

        await throttle.RefundAsync(email, cancellationToken);
        return null;
    }
}
