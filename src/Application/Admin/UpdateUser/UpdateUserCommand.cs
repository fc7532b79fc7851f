using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.UpdateUser;

/// <summary>
/// POST /admin/update-user: changes the fields given in <paramref name="Changes"/>. A role needs set-role, an
/// address or its verified flag needs set-email (BetterAuth's statements).
/// </summary>
public sealed record UpdateUserCommand(string ActorId, string? UserId, UserChanges Changes) : ICommand<Result<AdminUserDto>>;

/// <summary>The fields update-user changes; null: left as is (<paramref name="ImageGiven"/> tells a null image from none).</summary>
public sealed record UserChanges(string? Name, bool ImageGiven, string? Image, string? Email, bool? EmailVerified, IReadOnlyList<string>? Roles)
{
    public bool TouchesEmail => Email is not null || EmailVerified is not null;
}
