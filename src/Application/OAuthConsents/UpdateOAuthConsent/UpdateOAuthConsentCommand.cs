using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.UpdateOAuthConsent;

/// <summary>
/// The user changes which scopes a client's consent grants (POST /oauth2/update-consent, BetterAuth's name and body):
/// only scopes the client was registered for; the client's tokens under the old consent end, so a scope taken away is
/// gone at once, and the client's next authorization request for no more than these scopes is not asked again.
/// </summary>
public sealed record UpdateOAuthConsentCommand(string UserId, string? Id, IReadOnlyList<string>? Scopes) : ICommand<Result<OAuthConsent>>;
