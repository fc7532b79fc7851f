namespace AuthPlatform.Application.Common.Models;

/// <summary>
/// The session as clients see it. Unlike BetterAuth it never carries the session token: the token is
/// a bearer secret and is only handed out when a session is created (docs/compatibility.md).
/// <see cref="ImpersonatedBy"/> is the administrator behind an impersonation session (BetterAuth's admin plugin).
/// <see cref="ActiveOrganizationId"/> and <see cref="ActiveTeamId"/> are BetterAuth's organization plugin's fields (docs/adr/0133).
/// </summary>
public sealed record SessionDto(
    string Id,
    string UserId,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? IpAddress,
    string? UserAgent,
    string? ImpersonatedBy = null,
    string? ActiveOrganizationId = null,
    string? ActiveTeamId = null);
