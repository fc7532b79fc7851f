using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Passkeys;
using Mediator;

namespace AuthPlatform.Application.Passkeys.VerifyRegistration;

internal sealed class VerifyRegistrationCommandHandler(
    IAuthDbContext db,
    IWebAuthnRelyingParty relyingParty,
    WebAuthnChallengeStore challenges,
    TimeProvider clock,
    VerifiedAddressPolicy verifiedAddress,
    AuditTrail audit)
    : ICommandHandler<VerifyRegistrationCommand, Result<PasskeyDto>>
{
    public async ValueTask<Result<PasskeyDto>> Handle(VerifyRegistrationCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var now = clock.GetUtcNow();

        if (await verifiedAddress.CheckAsync(actor.User.Id, cancellationToken) is { } unverified)
        {
            return unverified;
        }

        var challenge = await challenges.TakeAsync(command.Challenge, WebAuthnCeremony.Registration, cancellationToken);
        if (challenge is null)
        {
            return SecondFactorErrors.ChallengeNotFound;
        }

        if (challenge.UserId != actor.User.Id)
        {
            return SecondFactorErrors.NotAllowedToRegister;
        }

        var verified = await relyingParty.VerifyRegistrationAsync(challenge.OptionsJson, command.ResponseJson!, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        var credential = verified.Value;
        var passkey = Passkey.Register(actor.User.Id, command.Name, credential.CredentialId, credential.PublicKey, credential.Counter,
            credential.BackupEligible, credential.BackedUp, credential.Transports, credential.Aaguid, now);
        db.Passkeys.Add(passkey);
        audit.Record(AuditEventTypes.PasskeyAdded, actor.User.Id, reason: passkey.Id);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return SecondFactorErrors.PasskeyAlreadyRegistered;
        }

        return PasskeyDto.From(passkey);
    }
}
