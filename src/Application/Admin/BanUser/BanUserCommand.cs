using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.BanUser;

/// <summary>
/// POST /admin/ban-user: the user is disabled (with a reason, and an end when <paramref name="BanExpiresIn"/> seconds
/// are given) and every session of theirs ends at once. An administrator cannot ban themselves.
/// </summary>
public sealed record BanUserCommand(string ActorId, string? UserId, string? BanReason, long? BanExpiresIn) : ICommand<Result<AdminUserDto>>;
