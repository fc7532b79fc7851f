using System.Text;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.EnableTwoFactor;

/// <summary>
/// Start TOTP enrolment, proven by the password: a new secret (the otpauth:// URI) and a new set of backup
/// codes. The second factor is asked for at sign-in only once a first code was verified (verify-totp).
/// POST /two-factor/enable.
/// </summary>
public sealed record EnableTwoFactorCommand(CurrentSession Actor, string? Password, string? Issuer) : ICommand<Result<TwoFactorEnrolled>>
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Password = ***, Issuer = ").Append(Issuer);
        return true;
    }
}

/// <summary>Shown once: the URI holds the secret and the codes are stored only as digests.</summary>
public sealed record TwoFactorEnrolled(string TotpUri, IReadOnlyList<string> BackupCodes)
{
    public override string ToString() => "TwoFactorEnrolled(***)";
}
