using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Mail.SendVerificationEmail;

/// <summary>
/// Send (again) a verification link. POST /send-verification-email. Signed in, the address must be the
/// caller's; signed out, the answer is the same for every address.
/// </summary>
public sealed record SendVerificationEmailCommand(string? Email, string? CallbackUrl, CurrentSession? Actor) : ICommand<Result<bool>>
{
    public override string ToString() => "SendVerificationEmailCommand { Email = *** }";
}
