using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Users.UpdateUser;

internal sealed class UpdateUserCommandHandler(IAuthDbContext db, TimeProvider clock)
    : ICommandHandler<UpdateUserCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == command.UserId, cancellationToken);
        if (user is null)
        {
            return Errors.Unauthorized;
        }

        user.UpdateProfile(command.NameGiven ? command.Name : null, command.Image, command.ImageGiven, clock.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
