using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.EmailOtp.CheckEmailOtp;

/// <summary>
/// Is a mailed code right? POST /email-otp/check-verification-otp. A wrong guess spends one of the code's
/// attempts; a right one uses nothing (the code still works for the route it was sent for).
/// </summary>
public sealed record CheckEmailOtpCommand(string? Email, string? Type, string? Otp) : ICommand<Result<bool>>
{
    public override string ToString() => $"CheckEmailOtpCommand {{ Email = ***, Type = {Type}, Otp = *** }}";
}
