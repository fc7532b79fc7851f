using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using Mediator;

namespace AuthPlatform.Application.Passkeys.GenerateAuthenticateOptions;

/// <summary>
/// Options for signing in with a passkey. For a signed-in caller (<see cref="UserId"/>) they list the
/// caller's passkeys; otherwise the browser offers any discoverable passkey for this site.
/// GET /passkey/generate-authenticate-options.
/// </summary>
public sealed record GenerateAuthenticateOptionsCommand(string? UserId) : ICommand<Result<WebAuthnCeremonyStarted>>;
