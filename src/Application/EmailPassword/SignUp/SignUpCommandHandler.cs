using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Users;
using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Mail;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.EmailPassword.SignUp;

internal sealed class SignUpCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    TimeProvider clock,
    SessionIssuer issuer,
    IOptions<AuthOptions> auth,
    IOptions<EmailOptions> emailOptions,
    IMailTransport transport,
    UsernamePolicy usernames,
    AuditTrail audit)
    : ICommandHandler<SignUpCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(SignUpCommand command, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Parse(command.Email!);

        // Hash first: a taken email and a new one then cost the same time.
        var passwordHash = await passwordHasher.HashAsync(command.Password!, cancellationToken);
        if (await db.Users.AnyAsync(u => u.Email == email.Value, cancellationToken))
        {
            return Errors.UserAlreadyExists;
        }

        var (username, displayUsername) = usernames.Pair(command.Username, command.DisplayUsername);
        if (username is not null && await Usernames.IsTakenAsync(db, username, null, cancellationToken))
        {
            return Errors.UsernameIsAlreadyTaken;
        }

        var now = clock.GetUtcNow();
        var user = User.Register(command.Name!, email, command.Image, now);
        AssignUsername(user, username, displayUsername, now);
        audit.Record(AuditEventTypes.SignUp, user.Id, reason: "email-password", actorId: user.Id);
        db.Users.Add(user);
        db.PasswordCredentials.Add(PasswordCredential.Create(user.Id, passwordHash, now));
        var signedIn = await issuer.SignInAsync(new SignInAttempt(user, SignInMethod.SignUp, command.RememberMe, command.Client), cancellationToken);
        if (!signedIn.IsSuccess)
        {
            return signedIn;
        }

        var queued = await QueueVerificationAsync(db, transport, auth.Value, emailOptions.Value, user, command.CallbackUrl, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException conflict)
        {
            // Another sign-up took the email (or the username) between our check and our insert.
            return Usernames.IsUsernameConflict(conflict) ? Errors.UsernameIsAlreadyTaken : Errors.UserAlreadyExists;
        }

        if (queued)
        {
            transport.NotifyJobsWritten();
        }

        return signedIn;
    }

    /// <summary>The paired username (normalized) and its display form, when the sign-up named one.</summary>
    internal static void AssignUsername(User user, string? username, string? displayUsername, DateTimeOffset now)
    {
        if (username is not null)
        {
            user.SetUsername(username, displayUsername, now);
        }
        else if (displayUsername is not null)
        {
            user.SetDisplayUsername(displayUsername, now);
        }
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
