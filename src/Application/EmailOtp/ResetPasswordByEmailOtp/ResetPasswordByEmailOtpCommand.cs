using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailOtp.ResetPasswordByEmailOtp;

/// <summary>
/// Set a new password with a mailed reset code. POST /email-otp/reset-password. The same rules as a reset by
/// link (sessions ended, the credential lock, unproven methods removed): <see cref="Common.Security.PasswordReset"/>.
/// </summary>
public sealed record ResetPasswordByEmailOtpCommand(string? Email, string? Otp, string? Password) : ICommand<Result<bool>>
{
    public override string ToString() => "ResetPasswordByEmailOtpCommand { Email = ***, Otp = ***, Password = *** }";
}
