using System.Security.Cryptography;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Domain.Passkeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.GenerateRegisterOptions;

internal sealed class GenerateRegisterOptionsCommandHandler(
    IAuthDbContext db,
    IWebAuthnRelyingParty relyingParty,
    WebAuthnChallengeStore challenges,
    VerifiedAddressPolicy verifiedAddress)
    : ICommandHandler<GenerateRegisterOptionsCommand, Result<WebAuthnCeremonyStarted>>
{
    public async ValueTask<Result<WebAuthnCeremonyStarted>> Handle(GenerateRegisterOptionsCommand command, CancellationToken cancellationToken)
    {
        var actor = command.Actor;

        if (await verifiedAddress.CheckAsync(actor.User.Id, cancellationToken) is { } unverified)
        {
            return unverified;
        }

        var existing = await db.Passkeys.AsNoTracking().Where(p => p.UserId == actor.User.Id)
            .Select(p => new KnownCredential(p.CredentialId, p.Transports)).ToListAsync(cancellationToken);

        // A random user handle, as BetterAuth: the account id never reaches the authenticator.
        var user = new WebAuthnUser(RandomNumberGenerator.GetBytes(32), string.IsNullOrWhiteSpace(command.Name) ? actor.User.Email : command.Name.Trim(), actor.User.Email);
        var options = relyingParty.CreateRegistrationOptions(user, existing, command.AuthenticatorAttachment);
        return await challenges.IssueAsync(WebAuthnCeremony.Registration, actor.User.Id, options, cancellationToken);
    }
}
