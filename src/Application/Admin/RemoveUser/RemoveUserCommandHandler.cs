using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Users.DeleteUser;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.RemoveUser;

internal sealed class RemoveUserCommandHandler(IAuthDbContext db, ISender sender)
    : ICommandHandler<RemoveUserCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RemoveUserCommand command, CancellationToken cancellationToken)
    {
        if (command.UserId == command.ActorId)
        {
            return Errors.Admin.CannotRemoveYourself;
        }

        var email = await db.Users.Where(u => u.Id == command.UserId).Select(u => u.Email).FirstOrDefaultAsync(cancellationToken);
        if (email is null)
        {
            return Errors.UserNotFound;
        }

        // The operator's delete-user: sessions revoked and the user deleted in one transaction.
        var removed = await sender.Send(new DeleteUserCommand(email), cancellationToken);
        return removed.IsSuccess ? true : removed.Error!;
    }
}
