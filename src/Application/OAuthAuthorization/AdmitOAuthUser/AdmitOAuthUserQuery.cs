using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;

/// <summary>
/// May this user sign in to an OAuth client now (the authorization endpoint with a live session, and every code
/// or refresh grant after it)? The sign-in policy decides (ADR 0108); the answer carries what the tokens say of
/// the user and of the session they signed in with (auth_time, amr).
/// </summary>
public sealed record AdmitOAuthUserQuery(string UserId, string? SessionId) : IQuery<Result<OAuthUser>>;

/// <summary>The user as the client sees it. <paramref name="AuthenticatedAt"/> and <paramref name="Methods"/> are the session's.</summary>
public sealed record OAuthUser(string Id, string Name, string Email, bool EmailVerified, DateTimeOffset? AuthenticatedAt, IReadOnlyList<string> Methods);
