using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.GenerateBackupCodes;

/// <summary>A new set of backup codes (the old set stops working), proven by the password. POST /two-factor/generate-backup-codes.</summary>
public sealed record GenerateBackupCodesCommand(CurrentSession Actor, string? Password) : ICommand<Result<IReadOnlyList<string>>>
{
    public override string ToString() => "GenerateBackupCodesCommand { Password = *** }";
}
