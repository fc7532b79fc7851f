using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.DisableTwoFactor;

/// <summary>Remove the caller's second factor, its backup codes and trusted devices, proven by the password. POST /two-factor/disable.</summary>
public sealed record DisableTwoFactorCommand(CurrentSession Actor, string? Password) : ICommand<Result<bool>>
{
    public override string ToString() => "DisableTwoFactorCommand { Password = *** }";
}
