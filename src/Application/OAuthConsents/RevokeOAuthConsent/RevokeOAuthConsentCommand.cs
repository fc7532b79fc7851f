using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.RevokeOAuthConsent;

/// <summary>
/// The user withdraws a client's consent (POST /oauth2/delete-consent): the client's refresh tokens and access tokens
/// issued under it end at once, and its next authorization request asks again.
/// </summary>
public sealed record RevokeOAuthConsentCommand(string UserId, string? Id) : ICommand<Result<bool>>;
