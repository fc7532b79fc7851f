using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.GetOAuthConsent;

/// <summary>One of the signed-in user's consents (GET /oauth2/get-consent?id=, BetterAuth's name).</summary>
public sealed record GetOAuthConsentQuery(string UserId, string? Id) : IQuery<Result<OAuthConsent>>;
