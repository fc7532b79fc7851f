using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthAuthorization.AdmitOAuthUser;

/// <summary>
/// May this user sign in to an OAuth client now (the authorization endpoint with a live session, and every code
/// or refresh grant after it)? The sign-in policy decides (ADR 0108); the answer carries what the tokens say of
/// the user and of the session they signed in with (auth_time, amr). With <paramref name="OrganizationId"/> (the
/// organization scope: the session's active organization when the user signed in to the client), the member's
/// roles there now, read at every grant so a changed role shows in the next refreshed token.
/// </summary>
public sealed record AdmitOAuthUserQuery(string UserId, string? SessionId, string? OrganizationId = null) : IQuery<Result<OAuthUser>>;

/// <summary>
/// The user as the client sees it. <paramref name="AuthenticatedAt"/> and <paramref name="Methods"/> are the session's;
/// <paramref name="Organization"/> is set only when asked for and the user is still a member.
/// </summary>
public sealed record OAuthUser(string Id, string Name, string Email, bool EmailVerified, DateTimeOffset? AuthenticatedAt, IReadOnlyList<string> Methods,
    OAuthOrganization? Organization = null);

/// <summary>The organization a token speaks for and the member's roles there.</summary>
public sealed record OAuthOrganization(string Id, IReadOnlyList<string> Roles);
