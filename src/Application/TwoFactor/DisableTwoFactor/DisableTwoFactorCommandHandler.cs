using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.DisableTwoFactor;

internal sealed class DisableTwoFactorCommandHandler(IAuthDbContext db, PasswordConfirmation password, AuditTrail audit)
    : ICommandHandler<DisableTwoFactorCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Actor.User.Id;
        if (await password.CheckAsync(userId, command.Password, cancellationToken) is { } refused)
        {
            return refused;
        }

        audit.Record(AuditEventTypes.TwoFactorDisabled, userId);
        await SecondFactorRemoval.RemoveAllAsync(db, userId, cancellationToken);
        return true;
    }
}
