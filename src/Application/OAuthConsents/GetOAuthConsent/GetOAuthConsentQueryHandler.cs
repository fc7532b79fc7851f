using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.GetOAuthConsent;

internal sealed class GetOAuthConsentQueryHandler(IOAuthConsentStore consents) : IQueryHandler<GetOAuthConsentQuery, Result<OAuthConsent>>
{
    // Another user's consent is answered as unknown: its id says nothing about whether it exists.
    public async ValueTask<Result<OAuthConsent>> Handle(GetOAuthConsentQuery query, CancellationToken cancellationToken) =>
        await consents.FindAsync(query.UserId, query.Id!, cancellationToken) is { } consent ? consent : Errors.OAuthConsentNotFound;
}
