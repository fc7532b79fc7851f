using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using Mediator;

namespace AuthPlatform.Application.TwoFactor.DisableTwoFactor;

internal sealed class DisableTwoFactorCommandHandler(IAuthDbContext db, PasswordConfirmation password)
    : ICommandHandler<DisableTwoFactorCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DisableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Actor.User.Id;
        if (await password.CheckAsync(userId, command.Password, cancellationToken) is { } refused)
        {
            return refused;
        }

        await SecondFactorRemoval.RemoveAllAsync(db, userId, cancellationToken);
        return true;
    }
}
