using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.SecondFactors;
using AuthPlatform.Domain.Passkeys;
using AuthPlatform.Domain.Sessions;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.SignInWithPasskey;

internal sealed class SignInWithPasskeyCommandHandler(
    IAuthDbContext db,
    IWebAuthnRelyingParty relyingParty,
    WebAuthnChallengeStore challenges,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions)
    : ICommandHandler<SignInWithPasskeyCommand, Result<AuthenticatedSession>>
{
    public async ValueTask<Result<AuthenticatedSession>> Handle(SignInWithPasskeyCommand command, CancellationToken cancellationToken)
    {
        var challenge = await challenges.TakeAsync(command.Challenge, WebAuthnCeremony.Authentication, cancellationToken);
        if (challenge is null)
        {
            return SecondFactorErrors.ChallengeNotFound;
        }

        var credentialId = relyingParty.ReadCredentialId(command.ResponseJson!);
        var passkey = credentialId is null ? null : await db.Passkeys.FirstOrDefaultAsync(p => p.CredentialId == credentialId, cancellationToken);
        if (passkey is null || (challenge.UserId is not null && challenge.UserId != passkey.UserId))
        {
            return SecondFactorErrors.PasskeyNotFound;
        }

        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == passkey.UserId, cancellationToken);
        if (user is null || user.IsDisabled)
        {
            return SecondFactorErrors.AuthenticationFailed;
        }

        var verified = await relyingParty.VerifyAuthenticationAsync(challenge.OptionsJson, command.ResponseJson!, passkey.PublicKey, passkey.Counter, cancellationToken);
        if (!verified.IsSuccess)
        {
            return verified.Error!;
        }

        if (!passkey.TryAdvanceCounter(verified.Value.Counter, verified.Value.BackedUp))
        {
            return SecondFactorErrors.AuthenticationFailed;
        }

        var now = clock.GetUtcNow();
        var token = SessionToken.Generate();
        var session = Session.Start(user.Id, token, sessionOptions.Value.ToLifetime(), rememberMe: true, command.Client.IpAddress, command.Client.UserAgent, now);
        db.Sessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new AuthenticatedSession(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(user), RememberMe: true);
    }
}
