using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.RevokeOAuthConsent;

internal sealed class RevokeOAuthConsentCommandHandler(IOAuthConsentStore consents, AuditTrail audit, IAuthDbContext db)
    : ICommandHandler<RevokeOAuthConsentCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RevokeOAuthConsentCommand command, CancellationToken cancellationToken)
    {
        if (await consents.RevokeAsync(command.UserId, command.Id!, cancellationToken) is not { } revoked)
        {
            return Errors.OAuthConsentNotFound;
        }

        audit.Record(AuditEventTypes.OAuthConsentRevoked, command.UserId, reason: revoked.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
