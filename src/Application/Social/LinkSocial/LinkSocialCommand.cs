using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.LinkSocial;

/// <summary>
/// Starts adding an identity provider's account to the signed-in user (a fresh session): the provider's
/// authorization URL; the callback adds the account and leaves the session as it is. POST /link-social.
/// </summary>
public sealed record LinkSocialCommand(string UserId, string? Provider, SocialRedirects Redirects, IReadOnlyList<string>? Scopes, string? LoginHint, bool HasIdToken)
    : ICommand<Result<SocialAuthorizationStarted>>;
