using System.Security.Cryptography;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor.VerifyTotp;

internal sealed class VerifyTotpCommandHandler(
    IAuthDbContext db,
    SecondFactorAttempt attempt,
    ITotpAuthenticator totp,
    ISecondFactorSecretProtector protector,
    TimeProvider clock,
    AuditTrail audit)
    : ICommandHandler<VerifyTotpCommand, Result<SecondFactorVerified>>
{
    public async ValueTask<Result<SecondFactorVerified>> Handle(VerifyTotpCommand command, CancellationToken cancellationToken)
    {
        var begun = await attempt.BeginAsync(command.Actor, command.Challenge, cancellationToken);
        if (!begun.IsSuccess)
        {
            return begun.Error!;
        }

        var context = begun.Value;
        if (context.Enrolment is not { } enrolment || (context.Challenge is not null && !enrolment.Verified))
        {
            return SecondFactorErrors.TotpNotEnabled;
        }

        if (await attempt.TakeAsync(context, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!protector.TryUnprotect(enrolment.EncryptedSecret, enrolment.EncryptionKeyId, enrolment.UserId, out var secret))
        {
            return SecondFactorErrors.SecretUnavailable;
        }

        var now = clock.GetUtcNow();
        long? step;
        try
        {
            step = totp.MatchStep(secret, command.Code!.Trim(), now);
            if (step is not null && enrolment.EncryptionKeyId != protector.CurrentKeyId)
            {
                // Written under a secret that has since been rotated out of first place: move it forward.
                enrolment.Reencrypt(protector.Protect(secret, enrolment.UserId), protector.CurrentKeyId, now);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }

        if (step is not { } matched || !enrolment.AcceptsStep(matched))
        {
            return SecondFactorErrors.InvalidCode;
        }

        // Claim the step atomically: of two requests with the same code, only one gets it.
        var claimed = await db.TwoFactorEnrolments
            .Where(e => e.Id == enrolment.Id && (e.LastUsedStep == null || e.LastUsedStep < matched))
            .ExecuteUpdateAsync(set => set.SetProperty(e => e.LastUsedStep, matched).SetProperty(e => e.Verified, true), cancellationToken);
        if (claimed == 0)
        {
            return SecondFactorErrors.InvalidCode;
        }

        if (!enrolment.Verified)
        {
            audit.Record(AuditEventTypes.TwoFactorEnabled, enrolment.UserId, reason: "totp");
        }

        enrolment.RecordAcceptedCode(matched, now);
        return await attempt.SucceedAsync(context, command.TrustDevice, command.Client, cancellationToken);
    }
}
