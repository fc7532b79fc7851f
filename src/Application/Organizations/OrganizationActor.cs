namespace AuthPlatform.Application.Organizations;

/// <summary>Who calls an organization route: the signed-in user, their session and its active organization.</summary>
public sealed record OrganizationActor(string UserId, string SessionId, string Email, bool EmailVerified, string? ActiveOrganizationId);
