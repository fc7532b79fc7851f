using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Users;
using AuthPlatform.Application.Common.Validation;
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

        var now = clock.GetUtcNow();
        if (command.Username is { } given)
        {
            var username = UsernameRules.Normalize(given);
            if (await Usernames.IsTakenAsync(db, username, user.Id, cancellationToken))
            {
                return Errors.UsernameIsAlreadyTaken;
            }

            // The display form follows a new username unless one is given (or the user had one already).
            user.SetUsername(username, command.DisplayUsername ?? (user.Username is null ? given : user.DisplayUsername), now);
        }
        else if (command.DisplayUsername is { } display)
        {
            user.SetDisplayUsername(display, now);
        }

        user.UpdateProfile(command.NameGiven ? command.Name : null, command.Image, command.ImageGiven, now);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException conflict) when (Usernames.IsUsernameConflict(conflict))
        {
            return Errors.UsernameIsAlreadyTaken;
        }

        return true;
    }
}
