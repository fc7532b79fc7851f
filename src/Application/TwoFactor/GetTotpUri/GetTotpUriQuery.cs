using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.GetTotpUri;

/// <summary>The otpauth:// URI of the caller's TOTP secret again (to add another app), proven by the password. POST /two-factor/get-totp-uri.</summary>
public sealed record GetTotpUriQuery(CurrentSession Actor, string? Password) : IQuery<Result<string>>
{
    public override string ToString() => "GetTotpUriQuery { Password = *** }";
}
