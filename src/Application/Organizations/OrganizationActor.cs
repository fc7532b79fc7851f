namespace AuthPlatform.Application.Organizations;

/// <summary>Who calls an organization route: the signed-in user, their session, its active organization and team.</summary>
public sealed record OrganizationActor(string UserId, string SessionId, string Email, bool EmailVerified, string? ActiveOrganizationId, string? ActiveTeamId = null);
