using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Operators.DisableUser;
using Mediator;

namespace AuthPlatform.Application.Users.DeleteUser;

/// <summary>
/// Delete an account and its credential (operator command `delete-user --email`). Its sessions are
/// revoked first (reason UserDisabled) and then removed with the user; a later use of one of their
/// tokens is an unknown token.
/// </summary>
public sealed record DeleteUserCommand(string? Email) : ICommand<Result<UserAccessRemoved>>;
