using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Social.UnlinkAccount;

/// <summary>
/// Removes one of the caller's accounts (a fresh session): a provider's account, or the password
/// ("credential"). The last way to sign in (password, provider accounts and passkeys counted) is never
/// removed. POST /unlink-account.
/// </summary>
public sealed record UnlinkAccountCommand(string UserId, string? AccountId, string? ProviderId) : ICommand<Result<bool>>;
