using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Accounts;

/// <summary>
/// A user's identity at an external identity provider (BetterAuth's account row for a social provider):
/// the provider's issuer and subject identify it, one user has any number of them. The provider's tokens
/// (access, refresh, ID) are kept only encrypted, as one sealed blob bound to this row, with the id of the
/// key that sealed it; the expiries and the granted scope are kept in the clear.
/// </summary>
public sealed class Account
{
    public const int MaxSubjectLength = 255;

    private Account()
    {
        Id = string.Empty;
        UserId = string.Empty;
        ProviderId = string.Empty;
        Issuer = string.Empty;
        Subject = string.Empty;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    /// <summary>The configured provider (google, github, or an operator's id).</summary>
    public string ProviderId { get; private set; }

    /// <summary>The provider's issuer (its OpenID Connect iss), or local:oauth:&lt;provider&gt; for a plain OAuth provider.</summary>
    public string Issuer { get; private set; }

    /// <summary>The provider's stable id of the person (sub, or GitHub's numeric id).</summary>
    public string Subject { get; private set; }

    /// <summary>Comma list of the scopes granted so far.</summary>
    public string? Scope { get; private set; }

    public byte[]? SealedTokens { get; private set; }

    public string? TokenKeyId { get; private set; }

    public DateTimeOffset? AccessTokenExpiresAt { get; private set; }

    public DateTimeOffset? RefreshTokenExpiresAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Account Link(string userId, string providerId, string issuer, string subject, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(userId) || string.IsNullOrWhiteSpace(providerId) || string.IsNullOrWhiteSpace(issuer))
        {
            throw new DomainRuleException("An account needs a user, a provider and an issuer.");
        }

        if (string.IsNullOrWhiteSpace(subject) || subject.Length > MaxSubjectLength)
        {
            throw new DomainRuleException("An account needs the provider's subject (at most 255 characters).");
        }

        return new Account
        {
            Id = RandomId.New(),
            UserId = userId,
            ProviderId = providerId,
            Issuer = issuer,
            Subject = subject,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>Replaces the sealed tokens and their expiries; the granted scope accumulates.</summary>
    public void StoreTokens(byte[] sealedTokens, string keyId, DateTimeOffset? accessTokenExpiresAt, DateTimeOffset? refreshTokenExpiresAt, string? scope, DateTimeOffset now)
    {
        SealedTokens = sealedTokens;
        TokenKeyId = keyId;
        AccessTokenExpiresAt = accessTokenExpiresAt;
        RefreshTokenExpiresAt = refreshTokenExpiresAt;
        Scope = MergeScopes(Scope, scope);
        UpdatedAt = now;
    }

    public IReadOnlyList<string> Scopes => SplitScopes(Scope);

    private static string? MergeScopes(string? granted, string? added)
    {
        var merged = SplitScopes(granted).Concat(SplitScopes(added)).Distinct(StringComparer.Ordinal).ToList();
        return merged.Count == 0 ? null : string.Join(',', merged);
    }

    private static string[] SplitScopes(string? scope) =>
        string.IsNullOrWhiteSpace(scope) ? [] : scope.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
