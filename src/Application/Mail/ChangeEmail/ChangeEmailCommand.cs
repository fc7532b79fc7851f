using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Mail.ChangeEmail;

/// <summary>
/// Ask to move the caller's account to a new address. POST /change-email, on a fresh session. A link goes
/// to the new address (the change happens when it is followed) and a notice to the old one when it was
/// verified. The answer never says whether the new address is taken.
/// </summary>
public sealed record ChangeEmailCommand(CurrentSession Actor, string? NewEmail, string? CallbackUrl) : ICommand<Result<bool>>
{
    public override string ToString() => "ChangeEmailCommand { NewEmail = *** }";
}
