using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Passkeys.VerifyAuthentication;

/// <summary>
/// The browser's assertion: verified against the challenge taken from the store and the stored public
/// key and counter; success starts a session (a passkey is both factors). POST /passkey/verify-authentication.
/// </summary>
public sealed record VerifyAuthenticationCommand(SessionToken? Challenge, string? ResponseJson, ClientInfo Client)
    : ICommand<Result<SignInOutcome>>, IAuditedSignIn
{
    public override string ToString() => "VerifyAuthenticationCommand { }";
}
