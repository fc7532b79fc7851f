using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.TwoFactor.GenerateBackupCodes;

internal sealed class GenerateBackupCodesCommandHandler(IAuthDbContext db, PasswordConfirmation password, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<GenerateBackupCodesCommand, Result<IReadOnlyList<string>>>
{
    public async ValueTask<Result<IReadOnlyList<string>>> Handle(GenerateBackupCodesCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Actor.User.Id;
        if (!await db.TwoFactorEnrolments.AnyAsync(e => e.UserId == userId && e.Verified, cancellationToken))
        {
            return SecondFactorErrors.TwoFactorNotEnabled;
        }

        if (await password.CheckAsync(userId, command.Password, cancellationToken) is { } refused)
        {
            return refused;
        }

        var codes = await BackupCodeSet.ReplaceAsync(db, userId, clock.GetUtcNow(), cancellationToken);
        audit.Record(AuditEventTypes.BackupCodesGenerated, userId);
        await db.SaveChangesAsync(cancellationToken);
        return Result<IReadOnlyList<string>>.Success(codes);
    }
}
