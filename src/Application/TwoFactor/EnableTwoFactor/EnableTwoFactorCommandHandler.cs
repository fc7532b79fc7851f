using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.TwoFactor;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.TwoFactor.EnableTwoFactor;

internal sealed class EnableTwoFactorCommandHandler(
    IAuthDbContext db,
    PasswordConfirmation password,
    ITotpAuthenticator totp,
    ISecondFactorSecretProtector protector,
    TimeProvider clock,
    IOptions<TwoFactorOptions> options,
    VerifiedAddressPolicy verifiedAddress)
    : ICommandHandler<EnableTwoFactorCommand, Result<TwoFactorEnrolled>>
{
    public async ValueTask<Result<TwoFactorEnrolled>> Handle(EnableTwoFactorCommand command, CancellationToken cancellationToken)
    {
        var userId = command.Actor.User.Id;
        if (await verifiedAddress.CheckAsync(userId, cancellationToken) is { } unverified)
        {
            return unverified;
        }

        if (await password.CheckAsync(userId, command.Password, cancellationToken) is { } refused)
        {
            return refused;
        }

        var existing = await db.TwoFactorEnrolments.FirstOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (existing is { Verified: true })
        {
            // As BetterAuth 1.7.25: a working second factor is replaced only through disable, never silently.
            return SecondFactorErrors.TotpAlreadyEnabled;
        }

        var now = clock.GetUtcNow();
        var secret = totp.NewSecret();
        var encrypted = protector.Protect(secret, userId);
        if (existing is null)
        {
            db.TwoFactorEnrolments.Add(TwoFactorEnrolment.Start(userId, encrypted, protector.CurrentKeyId, now));
        }
        else
        {
            existing.ReplaceSecret(encrypted, protector.CurrentKeyId, now);
        }

        var codes = await BackupCodeSet.ReplaceAsync(db, userId, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var issuer = string.IsNullOrWhiteSpace(command.Issuer) ? options.Value.Issuer : command.Issuer.Trim();
        return new TwoFactorEnrolled(totp.ProvisioningUri(secret, issuer, command.Actor.User.Email), codes);
    }
}
