using AuthPlatform.Application.Common.Interfaces;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.ListOAuthConsents;

/// <summary>The signed-in user's consents to OAuth clients, one per client (GET /oauth2/get-consents).</summary>
public sealed record ListOAuthConsentsQuery(string UserId) : IQuery<IReadOnlyList<OAuthConsent>>;
