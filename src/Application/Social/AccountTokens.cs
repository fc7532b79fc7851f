using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Accounts;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Social;

/// <summary>A provider account's tokens, opened from their sealed form.</summary>
public sealed record AccountTokenSet(Account Account, ProviderTokenSet Tokens)
{
    public override string ToString() => $"AccountTokenSet {{ Account = {Account.Id}, tokens = *** }}";
}

/// <summary>
/// The caller's provider tokens (get-access-token, refresh-token): the account found by its row id or its
/// provider id, the tokens opened, and the refresh grant run and stored (sealed again) when asked.
/// </summary>
internal sealed class AccountTokens(IAuthDbContext db, IProviderTokenProtector protector, IIdentityProviders providers, TimeProvider clock)
{
    public async Task<Result<AccountTokenSet>> OpenAsync(string userId, string? accountId, string? providerId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(
            a => a.UserId == userId && (a.Id == accountId || (accountId == null && a.ProviderId == providerId) || (providerId == null && a.ProviderId == accountId)),
            cancellationToken);
        if (account is null)
        {
            return SocialErrors.AccountNotFound;
        }

        if (!providers.Exists(account.ProviderId))
        {
            return SocialErrors.ProviderNotSupported;
        }

        var tokens = account.SealedTokens is { } sealedTokens && account.TokenKeyId is { } keyId ? protector.Unprotect(sealedTokens, keyId, account.Id) : null;
        return tokens is null
            ? SocialErrors.FailedToGetAccessToken
            : new AccountTokenSet(account, tokens with
            {
                AccessTokenExpiresAt = account.AccessTokenExpiresAt,
                RefreshTokenExpiresAt = account.RefreshTokenExpiresAt,
                Scope = account.Scope,
            });
    }

    public async Task<Result<AccountTokenSet>> RefreshAsync(AccountTokenSet current, CancellationToken cancellationToken)
    {
        if (current.Tokens.RefreshToken is not { } refreshToken)
        {
            return SocialErrors.RefreshTokenNotFound;
        }

        var refreshed = await providers.RefreshAsync(current.Account.ProviderId, refreshToken, cancellationToken);
        if (!refreshed.IsSuccess)
        {
            return refreshed.Error!;
        }

        var tokens = refreshed.Value with { IdToken = refreshed.Value.IdToken ?? current.Tokens.IdToken };
        var account = current.Account;
        account.StoreTokens(protector.Protect(tokens, account.Id), protector.CurrentKeyId, tokens.AccessTokenExpiresAt,
            tokens.RefreshTokenExpiresAt ?? account.RefreshTokenExpiresAt, scope: null, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new AccountTokenSet(account, tokens with { RefreshTokenExpiresAt = account.RefreshTokenExpiresAt, Scope = account.Scope });
    }

    public bool ExpiresSoon(AccountTokenSet current) =>
        current.Tokens.AccessTokenExpiresAt is { } expiresAt && expiresAt - clock.GetUtcNow() < TimeSpan.FromSeconds(5);
}
