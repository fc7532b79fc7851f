using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.AnswerOAuthConsent;

/// <summary>
/// The user's answer on the consent page (POST /oauth2/consent, BetterAuth's name and <c>accept</c>): granted, the
/// consent is recorded and the browser resumes the authorization request, which now finds it; refused, the browser
/// goes back to the client with <c>access_denied</c>.
/// </summary>
public sealed record AnswerOAuthConsentCommand(string UserId, string? ConsentCode, bool? Accept) : ICommand<Result<OAuthConsentAnswer>>;

/// <summary>Where the browser goes next (BetterAuth's <c>redirect_uri</c> member).</summary>
public sealed record OAuthConsentAnswer(string RedirectUri);
