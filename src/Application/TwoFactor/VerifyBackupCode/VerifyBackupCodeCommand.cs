using System.Text;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.VerifyBackupCode;

/// <summary>
/// A backup code in place of a TOTP code, from a signed-in user or a pending sign-in; each code works once.
/// POST /two-factor/verify-backup-code.
/// </summary>
public sealed record VerifyBackupCodeCommand(CurrentSession? Actor, SessionToken? Challenge, string? Code, bool TrustDevice, ClientInfo Client)
    : ICommand<Result<SecondFactorVerified>>, IAuditedSignIn
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Code = ***, TrustDevice = ").Append(TrustDevice);
        return true;
    }
}
