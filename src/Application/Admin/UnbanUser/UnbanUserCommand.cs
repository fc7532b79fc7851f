using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.UnbanUser;

/// <summary>POST /admin/unban-user: lifts a ban (or an operator's disable); the user may sign in again.</summary>
public sealed record UnbanUserCommand(string? UserId) : ICommand<Result<AdminUserDto>>;
