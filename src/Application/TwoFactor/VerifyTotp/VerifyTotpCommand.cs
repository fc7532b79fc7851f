using System.Text;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.VerifyTotp;

/// <summary>
/// A TOTP code, either from a signed-in user (<see cref="Actor"/>: the first code completes enrolment)
/// or from a sign-in waiting for its second factor (<see cref="Challenge"/>: success starts the session).
/// POST /two-factor/verify-totp.
/// </summary>
public sealed record VerifyTotpCommand(CurrentSession? Actor, SessionToken? Challenge, string? Code, bool TrustDevice, ClientInfo Client)
    : ICommand<Result<SecondFactorVerified>>, IAuditedSignIn
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Code = ***, TrustDevice = ").Append(TrustDevice);
        return true;
    }
}
