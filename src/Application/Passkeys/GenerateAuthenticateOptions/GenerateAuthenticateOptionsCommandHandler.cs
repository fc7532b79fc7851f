using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Passkeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.GenerateAuthenticateOptions;

internal sealed class GenerateAuthenticateOptionsCommandHandler(IAuthDbContext db, IWebAuthnRelyingParty relyingParty, WebAuthnChallengeStore challenges)
    : ICommandHandler<GenerateAuthenticateOptionsCommand, Result<WebAuthnCeremonyStarted>>
{
    public async ValueTask<Result<WebAuthnCeremonyStarted>> Handle(GenerateAuthenticateOptionsCommand command, CancellationToken cancellationToken)
    {
        var allow = command.UserId is null
            ? []
            : await db.Passkeys.AsNoTracking().Where(p => p.UserId == command.UserId)
                .Select(p => new KnownCredential(p.CredentialId, p.Transports)).ToListAsync(cancellationToken);
        var options = relyingParty.CreateAuthenticationOptions(allow);
        return await challenges.IssueAsync(WebAuthnCeremony.Authentication, command.UserId, options, cancellationToken);
    }
}
