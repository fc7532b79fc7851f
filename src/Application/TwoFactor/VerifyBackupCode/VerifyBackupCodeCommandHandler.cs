using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.TwoFactor;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor.VerifyBackupCode;

internal sealed class VerifyBackupCodeCommandHandler(IAuthDbContext db, SecondFactorAttempt attempt, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<VerifyBackupCodeCommand, Result<SecondFactorVerified>>
{
    public async ValueTask<Result<SecondFactorVerified>> Handle(VerifyBackupCodeCommand command, CancellationToken cancellationToken)
    {
        var begun = await attempt.BeginAsync(command.Actor, command.Challenge, cancellationToken);
        if (!begun.IsSuccess)
        {
            return begun.Error!;
        }

        var context = begun.Value;
        if (context.Enrolment is not { Verified: true })
        {
            return SecondFactorErrors.BackupCodesNotEnabled;
        }

        if (await attempt.TakeAsync(context, cancellationToken) is { } refused)
        {
            return refused;
        }

        // Spend the code in one statement: of two requests with the same code, only one succeeds.
        var digest = BackupCode.DigestOfTyped(command.Code);
        var now = clock.GetUtcNow();
        var spent = digest is null
            ? 0
            : await db.BackupCodes
                .Where(c => c.UserId == context.User.Id && c.Digest == digest && c.UsedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(c => c.UsedAt, now), cancellationToken);
        if (spent == 0)
        {
            return SecondFactorErrors.InvalidBackupCode;
        }

        audit.Record(AuditEventTypes.BackupCodeUsed, context.User.Id);
        return await attempt.SucceedAsync(context, command.TrustDevice, command.Client, cancellationToken);
    }
}
