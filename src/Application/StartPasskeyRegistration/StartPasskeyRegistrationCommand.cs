using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.SecondFactors;
using AuthPlatform.Application.GetSession;
using Mediator;

namespace AuthPlatform.Application.StartPasskeyRegistration;

/// <summary>
/// Options for adding a passkey to the caller's account; needs a fresh session (a stolen, older cookie
/// must not be able to plant a passkey). GET /passkey/generate-register-options.
/// </summary>
public sealed record StartPasskeyRegistrationCommand(CurrentSession Actor, string? Name, string? AuthenticatorAttachment)
    : ICommand<Result<WebAuthnCeremonyStarted>>;
