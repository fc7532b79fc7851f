using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailOtp.SendEmailOtp;

/// <summary>
/// Mail a one-time code. POST /email-otp/send-verification-otp (type sign-in, email-verification or
/// forget-password), POST /email-otp/request-password-reset and POST /forget-password/email-otp (forget-password).
/// The answer is the same for every address: the request only queues a job, and the sender decides.
/// </summary>
public sealed record SendEmailOtpCommand(string? Email, string? Type) : ICommand<Result<bool>>
{
    public override string ToString() => $"SendEmailOtpCommand {{ Email = ***, Type = {Type} }}";
}
