using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.UpdateOAuthConsent;

internal sealed class UpdateOAuthConsentCommandHandler(IOAuthConsentStore consents, AuditTrail audit, IAuthDbContext db)
    : ICommandHandler<UpdateOAuthConsentCommand, Result<OAuthConsent>>
{
    public async ValueTask<Result<OAuthConsent>> Handle(UpdateOAuthConsentCommand command, CancellationToken cancellationToken)
    {
        if (await consents.FindAsync(command.UserId, command.Id!, cancellationToken) is not { } consent)
        {
            return Errors.OAuthConsentNotFound;
        }

        var allowed = await consents.ClientScopesAsync(consent.ClientId, cancellationToken);
        if (!command.Scopes!.All(s => allowed.Contains(s, StringComparer.Ordinal)))
        {
            return Errors.ConsentScopeNotAllowed;
        }

        audit.Record(AuditEventTypes.OAuthConsentUpdated, command.UserId, reason: consent.ClientId);
        var updated = await consents.ReplaceAsync(command.UserId, command.Id!, command.Scopes!, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return updated is null ? Errors.OAuthConsentNotFound : updated;
    }
}
