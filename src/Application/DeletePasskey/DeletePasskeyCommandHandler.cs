using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.DeletePasskey;

internal sealed class DeletePasskeyCommandHandler(IAuthDbContext db) : ICommandHandler<DeletePasskeyCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeletePasskeyCommand command, CancellationToken cancellationToken)
    {
        var deleted = await db.Passkeys.Where(p => p.Id == command.Id && p.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? SecondFactorErrors.PasskeyNotFound : true;
    }
}
