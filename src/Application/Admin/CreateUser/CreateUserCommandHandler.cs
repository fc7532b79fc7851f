using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.CreateUser;

internal sealed class CreateUserCommandHandler(IAuthDbContext db, AdminAuthorization authorization, IPasswordHasher passwordHasher, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateUserCommand, Result<AdminUserDto>>
{
    public async ValueTask<Result<AdminUserDto>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        if (command.Roles is { } roles && await authorization.RoleChangeRefusalAsync(command.ActorId, roles, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var email = EmailAddress.Parse(command.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return Errors.Admin.UserAlreadyExistsUseAnotherEmail;
        }

        var passwordHash = command.Password is null ? null : await passwordHasher.HashAsync(command.Password, cancellationToken);
        var now = clock.GetUtcNow();
        var user = User.Register(command.Name!, email, image: null, now);
        if (command.Roles is { } given)
        {
            user.SetRole(RoleNames.Join(given), now);
        }

        db.Users.Add(user);
        audit.Record(AuditEventTypes.SignUp, user.Id, reason: "admin create-user");
        if (passwordHash is not null)
        {
            db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
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
