using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.GetAccessToken;

/// <summary>
/// The caller's access token at a provider, refreshed first (and stored) when it expires within 5 s and a
/// refresh token is held. POST /get-access-token.
/// </summary>
public sealed record GetAccessTokenCommand(string UserId, string? AccountId, string? ProviderId) : ICommand<Result<AccountTokenSet>>;
