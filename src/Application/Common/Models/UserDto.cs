namespace AuthPlatform.Application.Common.Models;

/// <summary>
/// The user as clients see it (BetterAuth's user shape, with the username plugin's <c>username</c> and
/// <c>displayUsername</c>, null for a user without one).
/// </summary>
public sealed record UserDto(
    string Id,
    string Name,
    string Email,
    bool EmailVerified,
    string? Image,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Username = null,
    string? DisplayUsername = null);
