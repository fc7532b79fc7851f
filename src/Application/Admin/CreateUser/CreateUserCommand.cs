using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.CreateUser;

/// <summary>
/// POST /admin/create-user: a user created by an administrator, with a password (the sign-up rules) or without one
/// (for email-link or social sign-in), and with <paramref name="Roles"/> when given (which needs set-role).
/// </summary>
public sealed record CreateUserCommand(string ActorId, string? Email, string? Password, string? Name, IReadOnlyList<string>? Roles)
    : ICommand<Result<AdminUserDto>>;
