using System.Security.Cryptography;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.TwoFactor;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.TwoFactor.GetTotpUri;

internal sealed class GetTotpUriQueryHandler(
    IAuthDbContext db,
    PasswordConfirmation password,
    ITotpAuthenticator totp,
    ISecondFactorSecretProtector protector,
    IOptions<TwoFactorOptions> options)
    : IQueryHandler<GetTotpUriQuery, Result<string>>
{
    public async ValueTask<Result<string>> Handle(GetTotpUriQuery query, CancellationToken cancellationToken)
    {
        var userId = query.Actor.User.Id;
        var enrolment = await db.TwoFactorEnrolments.AsNoTracking().FirstOrDefaultAsync(e => e.UserId == userId, cancellationToken);
        if (enrolment is null)
        {
            return SecondFactorErrors.TotpNotEnabled;
        }

        if (await password.CheckAsync(userId, query.Password, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (!protector.TryUnprotect(enrolment.EncryptedSecret, enrolment.EncryptionKeyId, userId, out var secret))
        {
            return SecondFactorErrors.SecretUnavailable;
        }

        try
        {
            return totp.ProvisioningUri(secret, options.Value.Issuer, query.Actor.User.Email);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(secret);
        }
    }
}
