using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.UpdatePasskey;

internal sealed class UpdatePasskeyCommandHandler(IAuthDbContext db) : ICommandHandler<UpdatePasskeyCommand, Result<PasskeyDto>>
{
    public async ValueTask<Result<PasskeyDto>> Handle(UpdatePasskeyCommand command, CancellationToken cancellationToken)
    {
        // Another user's passkey answers as a missing one: ids of other accounts are not confirmed.
        var passkey = await db.Passkeys.FirstOrDefaultAsync(p => p.Id == command.Id && p.UserId == command.UserId, cancellationToken);
        if (passkey is null)
        {
            return SecondFactorErrors.PasskeyNotFound;
        }

        passkey.Rename(command.Name);
        await db.SaveChangesAsync(cancellationToken);
        return PasskeyDto.From(passkey);
    }
}
