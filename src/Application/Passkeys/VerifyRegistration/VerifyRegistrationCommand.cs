using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Passkeys.VerifyRegistration;

/// <summary>
/// The browser's answer to registration options: verified against the challenge taken from the store
/// (it belongs to the caller, it is live, it is used once), then stored as a passkey. POST /passkey/verify-registration.
/// </summary>
public sealed record VerifyRegistrationCommand(CurrentSession Actor, SessionToken? Challenge, string? ResponseJson, string? Name)
    : ICommand<Result<PasskeyDto>>
{
    public override string ToString() => $"VerifyRegistrationCommand {{ Name = {Name} }}";
}
