using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using Mediator;

namespace AuthPlatform.Application.Social.SignInSocial;

/// <summary>
/// Starts signing in with an identity provider: the provider's authorization URL, with the state kept
/// server-side. POST /sign-in/social.
/// </summary>
public sealed record SignInSocialCommand(string? Provider, SocialRedirects Redirects, IReadOnlyList<string>? Scopes, string? LoginHint, bool HasIdToken)
    : ICommand<Result<SocialAuthorizationStarted>>;
