using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.UpdateUser;

internal sealed class UpdateUserCommandHandler(IAuthDbContext db, AdminAuthorization authorization, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<UpdateUserCommand, Result<AdminUserDto>>
{
    public async ValueTask<Result<AdminUserDto>> Handle(UpdateUserCommand command, CancellationToken cancellationToken)
    {
        var changes = command.Changes;
        if (changes.Roles is { } roles && await authorization.RoleChangeRefusalAsync(command.ActorId, roles, cancellationToken) is { } roleRefusal)
        {
            return roleRefusal;
        }

        if (changes.TouchesEmail && await authorization.RefusalAsync(command.ActorId, AdminAction.SetUserEmail, cancellationToken) is { } emailRefusal)
        {
            return emailRefusal;
        }

        EmailAddress? email = changes.Email is null ? null : EmailAddress.Parse(changes.Email);
        if (email is { } address && await db.Users.AnyAsync(u => u.Email == address.Value && u.Id != command.UserId, cancellationToken))
        {
            return Errors.Admin.UserAlreadyExistsUseAnotherEmail;
        }

        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var user = found.Value;
        var now = clock.GetUtcNow();
        user.UpdateProfile(changes.Name, changes.Image, changes.ImageGiven, now);
        audit.Record(AuditEventTypes.UserUpdated, user.Id, reason: changes.Roles is { } newRoles ? $"role {RoleNames.Join(newRoles)}" : null);
        if (changes.TouchesEmail)
        {
            user.SetEmailByAdministrator(email, changes.EmailVerified, now);
        }

        if (changes.Roles is { } given)
        {
            user.SetRole(RoleNames.Join(given), now);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return Errors.Admin.UserAlreadyExistsUseAnotherEmail;
        }

        return AdminUserDto.Of(user, now);
    }
}
