using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ChangePassword;

internal sealed class ChangePasswordCommandHandler(
    IAuthDbContext db,
    IPasswordHasher passwordHasher,
    IFailedSignInThrottle throttle,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions)
    : ICommandHandler<ChangePasswordCommand, Result<AuthenticatedSession>>
{
    public async ValueTask<Result<AuthenticatedSession>> Handle(ChangePasswordCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == actor.User.Id, cancellationToken);
        var credential = await db.PasswordCredentials.FirstOrDefaultAsync(c => c.UserId == actor.User.Id, cancellationToken);
        if (user is null || credential is null)
        {
            return SecurityErrors.CredentialAccountNotFound;
        }

        // Guessing the current password from a stolen session spends the same per-account budget as
        // guessing it at sign-in.
        var email = EmailAddress.Parse(user.Email);
        if (await throttle.CheckAsync(email, cancellationToken) is { } retryAfter)
        {
            return SecurityErrors.TooManyFailedSignIns(retryAfter);
        }

        if (await passwordHasher.VerifyAsync(command.CurrentPassword!, credential.PasswordHash, cancellationToken) == PasswordVerification.Failed)
        {
            await throttle.RecordFailureAsync(email, cancellationToken);
            return SecurityErrors.InvalidPassword;
        }

        var now = clock.GetUtcNow();
        credential.ReplaceHash(await passwordHasher.HashAsync(command.NewPassword!, cancellationToken), now);

        // Rotate the current session: its token may be what leaked.
        var current = await db.Sessions.FirstAsync(s => s.Id == actor.Session.Id, cancellationToken);
        current.Revoke(SessionRevocationReason.PasswordChanged, now);
        if (command.RevokeOtherSessions)
        {
            await SessionRevocation.RevokeAllAsync(db, user.Id, exceptSessionId: current.Id, SessionRevocationReason.PasswordChanged, now, cancellationToken);
        }

        var token = SessionToken.Generate();
        var session = Session.Start(user.Id, token, sessionOptions.Value.ToLifetime(), actor.RememberMe, command.Client.IpAddress, command.Client.UserAgent, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);

        return new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(user), actor.RememberMe);
    }
}
