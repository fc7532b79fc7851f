using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Users;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Audit;
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
    IMailTransport transport,
    UsernamePolicy usernames,
    AuditTrail audit)
    : ICommandHandler<SignUpPendingVerificationCommand, Result<UserDto>>
{
    public async ValueTask<Result<UserDto>> Handle(SignUpPendingVerificationCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);
        var now = clock.GetUtcNow();

        // Hash first: a taken email and a new one then cost the same time.
        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        var (username, displayUsername) = usernames.Pair(command.Username, command.DisplayUsername);
        var standIn = new UserDto(RandomId.New(), command.Name!.Trim(), email.Value, EmailVerified: false, string.IsNullOrWhiteSpace(command.Image) ? null : command.Image, now, now,
            username, displayUsername);
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return standIn;
        }

        // Usernames are public (is-username-available says as much), so a taken one is said plainly.
        if (username is not null && await Usernames.IsTakenAsync(db, username, null, cancellationToken))
        {
            return Errors.UsernameIsAlreadyTaken;
        }

        var user = User.Register(command.Name!, email, command.Image, now);
        SignUpCommandHandler.AssignUsername(user, username, displayUsername, now);
        audit.Record(AuditEventTypes.SignUp, user.Id, reason: "email-password", actorId: user.Id);
        db.Users.Add(user);
        db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
        var queued = await SignUpCommandHandler.QueueVerificationAsync(db, transport, auth.Value, emailOptions.Value, user, command.CallbackUrl, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException conflict)
        {
            return Usernames.IsUsernameConflict(conflict) ? Errors.UsernameIsAlreadyTaken : standIn;
        }

        if (queued)
        {
            transport.NotifyJobsWritten();
        }

        return mapper.Map<UserDto>(user);
    }
}
