using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.DeletePasskey;

internal sealed class DeletePasskeyCommandHandler(IAuthDbContext db, SignInMethodRemoval removal) : ICommandHandler<DeletePasskeyCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeletePasskeyCommand command, CancellationToken cancellationToken) =>
        await removal.RemoveAsync(command.UserId, async token =>
        {
            var passkey = await db.Passkeys.FirstOrDefaultAsync(p => p.Id == command.Id && p.UserId == command.UserId, token);
            return passkey is null ? null : () => db.Passkeys.Remove(passkey);
        }, SecondFactorErrors.PasskeyNotFound, SecondFactorErrors.LastWayToSignIn, AuditEventTypes.PasskeyRemoved, command.Id, cancellationToken);
}
