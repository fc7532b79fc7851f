using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Passkeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.VerifyAuthentication;

internal sealed class VerifyAuthenticationCommandHandler(
    IAuthDbContext db,
    IWebAuthnRelyingParty relyingParty,
    WebAuthnChallengeStore challenges,
    SessionIssuer issuer,
    TimeProvider clock)
    : ICommandHandler<VerifyAuthenticationCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(VerifyAuthenticationCommand command, CancellationToken cancellationToken)
    {
        var challenge = await challenges.TakeAsync(command.Challenge, WebAuthnCeremony.Authentication, cancellationToken);
        if (challenge is null)
        {
            return SecondFactorErrors.ChallengeNotFound;
        }

        var credentialId = relyingParty.ReadCredentialId(command.ResponseJson!);
        var passkey = credentialId is null ? null : await db.Passkeys.FirstOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);
        if (passkey is null || (challenge.UserId is not null && challenge.UserId != passkey.UserId))
        {
            return SecondFactorErrors.PasskeyNotFound;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == passkey.UserId, cancellationToken);
        if (user is null || user.IsDisabledAt(clock.GetUtcNow()))
        {
            return SecondFactorErrors.AuthenticationFailed;
        }

        var verified = await relyingParty.VerifyAuthenticationAsync(challenge.OptionsJson, command.ResponseJson!, passkey.PublicKey, passkey.Counter, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        if (!passkey.TryAdvanceCounter(verified.Value.Counter, verified.Value.BackedUp))
        {
            return SecondFactorErrors.AuthenticationFailed;
        }

        var signedIn = await issuer.SignInAsync(new SignInAttempt(user, SignInMethod.Passkey, RememberMe: true, command.Client), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return signedIn;
    }
}
