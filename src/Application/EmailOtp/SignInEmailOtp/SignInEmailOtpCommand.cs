using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.EmailOtp.SignInEmailOtp;

/// <summary>
/// Sign in with a mailed sign-in code. POST /sign-in/email-otp. An address without an account is signed up
/// (unless Auth:EmailOtp:DisableSignUp), with <paramref name="Name"/> and <paramref name="Image"/>.
/// </summary>
public sealed record SignInEmailOtpCommand(string? Email, string? Otp, string? Name, string? Image, ClientInfo Client, SessionToken? TrustedDevice)
    : ICommand<Result<SignInOutcome>>, IAuditedSignIn
{
    string? IAuditedSignIn.ClaimedEmail => Email;

    public override string ToString() => "SignInEmailOtpCommand { Email = ***, Otp = *** }";
}
