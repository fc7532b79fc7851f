namespace AuthPlatform.Application.Common.Models;

/// <summary>
/// One way a user signs in, as BetterAuth's list-accounts shows it: a provider's account (providerId, the
/// provider's subject as accountId) or the password (providerId "credential", accountId = the user id).
/// </summary>
public sealed record AccountDto(string Id, string ProviderId, string AccountId, string UserId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<string> Scopes);
