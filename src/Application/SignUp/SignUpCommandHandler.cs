using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Mail;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.SignUp;

internal sealed class SignUpCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    IOptions<AuthOptions> auth,
    IOptions<EmailOptions> emailOptions,
    IMailTransport transport)
    : ICommandHandler<SignUpCommand, Result<AuthenticatedSession>>
{
    public async ValueTask<Result<AuthenticatedSession>> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Hash first: a taken email and a new one then cost the same time.
        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return Errors.UserAlreadyExists;
        }

        var now = clock.GetUtcNow();
        var user = User.Register(command.Name!, email, command.Image, now);
        var token = SessionToken.Generate();
        var session = Session.Start(user.Id, token, sessionOptions.Value.ToLifetime(), command.RememberMe, command.Client.IpAddress, command.Client.UserAgent, now);

        db.Users.Add(user);
        db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
        db.Sessions.Add(session);
        var queued = await QueueVerificationAsync(db, transport, auth.Value, emailOptions.Value, user, command.CallbackUrl, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            // Another sign-up took the email between our check and our insert.
            return Errors.UserAlreadyExists;
        }

        if (queued)
        {
            transport.NotifyJobsWritten();
        }

        return new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(user), command.RememberMe);
    }

    /// <summary>Queues the sign-up verification link (tracked; saved with the new user) when the options ask for one.</summary>
    internal static Task<bool> QueueVerificationAsync(
        IAuthDbContext db, IMailTransport transport, AuthOptions auth, EmailOptions options, User user, string? callbackUrl, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!options.ShouldSendOnSignUp || !transport.IsConfigured)
        {
            return Task.FromResult(false);
        }

        var callback = !string.IsNullOrEmpty(callbackUrl) && RedirectTargets.IsAllowed(callbackUrl, auth) ? callbackUrl : null;
        MailOutbox.AddWithNewAccount(db, MailJob.Create(MailKind.EmailVerification, user.Email, user.Id, otherEmail: null, callback, now));
        return Task.FromResult(true);
    }
}
