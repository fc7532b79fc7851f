using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.CreateUser;

internal sealed class CreateUserCommandHandler(IAuthDbContext db, IPasswordHasher passwordHasher, IMapper mapper, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateUserCommand, Result<UserDto>>
{
    public async ValueTask<Result<UserDto>> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Checked before hashing: unlike sign-up, an operator's command is no enumeration oracle.
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return Errors.UserAlreadyExists;
        }

        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        var now = clock.GetUtcNow();
        var user = User.Register(command.Name!, email, image: null, now);
        db.Users.Add(user);
        audit.Record(AuditEventTypes.SignUp, user.Id, reason: "create-user");
        db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // A sign-up took the email between our check and our insert.
            return Errors.UserAlreadyExists;
        }

        return mapper.Map<UserDto>(user);
    }
}
