using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailPassword.SignUp;

internal sealed class SignUpPendingVerificationCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IMapper mapper,
    TimeProvider clock,
    IOptions<AuthOptions> auth,
    IOptions<EmailOptions> emailOptions,
    IMailTransport transport)
    : ICommandHandler<SignUpPendingVerificationCommand, Result<UserDto>>
{
    public async ValueTask<Result<UserDto>> Handle(SignUpPendingVerificationCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);
        var now = clock.GetUtcNow();

        // Hash first: a taken email and a new one then cost the same time.
        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        var standIn = new UserDto(RandomId.New(), command.Name!.Trim(), email.Value, EmailVerified: false, string.IsNullOrWhiteSpace(command.Image) ? null : command.Image, now, now);
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return standIn;
        }

        var user = User.Register(command.Name!, email, command.Image, now);
        db.Users.Add(user);
        db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
        var queued = await SignUpCommandHandler.QueueVerificationAsync(db, transport, auth.Value, emailOptions.Value, user, command.CallbackUrl, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return standIn;
        }

        if (queued)
        {
            transport.NotifyJobsWritten();
        }

        return mapper.Map<UserDto>(user);
    }
}
