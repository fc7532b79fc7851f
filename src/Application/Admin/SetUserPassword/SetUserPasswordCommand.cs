using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.SetUserPassword;

/// <summary>
/// POST /admin/set-user-password: the user's password becomes <paramref name="NewPassword"/> (created when they had
/// none). As in BetterAuth, no session is revoked; the password rules of sign-up apply.
/// </summary>
public sealed record SetUserPasswordCommand(string? UserId, string? NewPassword) : ICommand<Result<bool>>;
