namespace AuthPlatform.Application.Common.Models;

/// <summary>The user as clients see it (BetterAuth's user shape).</summary>
public sealed record UserDto(
    string Id,
    string Name,
    string Email,
    bool EmailVerified,
    string? Image,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
