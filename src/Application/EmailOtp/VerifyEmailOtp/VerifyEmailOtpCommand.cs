using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Mail.VerifyEmail;
using Mediator;

namespace AuthPlatform.Application.EmailOtp.VerifyEmailOtp;

/// <summary>
/// Verify the address with a mailed verification code. POST /email-otp/verify-email. With
/// Auth:Email:AutoSignInAfterVerification the code that proved the address signs in, as the verification link does.
/// </summary>
public sealed record VerifyEmailOtpCommand(string? Email, string? Otp, ClientInfo Client) : ICommand<Result<VerifyEmailOutcome>>
{
    public override string ToString() => "VerifyEmailOtpCommand { Email = ***, Otp = *** }";
}
