using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Application.Sessions.GetSession;
using Mediator;

namespace AuthPlatform.Application.Passkeys.GenerateRegisterOptions;

/// <summary>
/// Options for adding a passkey to the caller's account; needs a fresh session (a stolen, older cookie
/// must not be able to plant a passkey). GET /passkey/generate-register-options.
/// </summary>
public sealed record GenerateRegisterOptionsCommand(CurrentSession Actor, string? Name, string? AuthenticatorAttachment)
    : ICommand<Result<WebAuthnCeremonyStarted>>;
