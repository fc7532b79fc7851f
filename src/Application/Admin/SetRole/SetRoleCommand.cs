using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.SetRole;

/// <summary>POST /admin/set-role: replaces the user's roles (stored comma-separated, as BetterAuth does).</summary>
public sealed record SetRoleCommand(string? UserId, IReadOnlyList<string>? Roles) : ICommand<Result<AdminUserDto>>;
