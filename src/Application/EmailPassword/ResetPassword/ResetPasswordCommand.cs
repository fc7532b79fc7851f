using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailPassword.ResetPassword;

/// <summary>Set a new password with a mailed reset token. POST /reset-password.</summary>
public sealed record ResetPasswordCommand(string? NewPassword, string? Token) : ICommand<Result<bool>>
{
    public override string ToString() => "ResetPasswordCommand { NewPassword = ***, Token = *** }";
}

/// <summary>Is a reset token still usable? GET /reset-password/:token, which forwards it to the frontend.</summary>
public sealed record CheckResetTokenQuery(string? Token) : IQuery<bool>
{
    public override string ToString() => "CheckResetTokenQuery { Token = *** }";
}
