using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.RefreshToken;

/// <summary>Runs the provider's refresh_token grant for one of the caller's accounts and stores the new tokens. POST /refresh-token.</summary>
public sealed record RefreshTokenCommand(string UserId, string? AccountId, string? ProviderId) : ICommand<Result<AccountTokenSet>>;
