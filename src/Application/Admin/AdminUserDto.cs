using AuthPlatform.Domain.Users;

namespace AuthPlatform.Application.Admin;

/// <summary>A user as the administration routes show it: BetterAuth's user with the admin plugin's fields.</summary>
public sealed record AdminUserDto(
    string Id,
    string Name,
    string Email,
    bool EmailVerified,
    string? Image,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? Username,
    string? DisplayUsername,
    string Role,
    bool Banned,
    string? BanReason,
    DateTimeOffset? BanExpires)
{
    public static AdminUserDto Of(User user, DateTimeOffset now)
    {
        var banned = user.IsDisabledAt(now);
        return new(user.Id, user.Name, user.Email, user.EmailVerified, user.Image, user.CreatedAt, user.UpdatedAt,
            user.Username, user.DisplayUsername, user.Role, banned, banned ? user.BanReason : null, banned ? user.BanExpires : null);
    }
}
