using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.ListUserAccounts;

/// <summary>
/// GET /admin/list-user-accounts?userId=: a user's ways in, as the user's own list-accounts and list-user-passkeys show
/// them, and whether a TOTP second factor guards them (ours; BetterAuth's admin plugin has no such route).
/// </summary>
public sealed record ListUserAccountsQuery(string? UserId) : IQuery<Result<UserAccounts>>;

/// <summary>What list-user-accounts answers: never a secret (no token, no TOTP secret, no backup code).</summary>
/// <param name="BackupCodesLeft">unused backup codes, when a second factor is enabled.</param>
public sealed record UserAccounts(IReadOnlyList<AccountDto> Accounts, IReadOnlyList<PasskeyDto> Passkeys, bool TwoFactorEnabled, int BackupCodesLeft);
