using AuthPlatform.Application.Common.Interfaces;
using Mediator;

namespace AuthPlatform.Application.OAuthConsents.ListOAuthConsents;

internal sealed class ListOAuthConsentsQueryHandler(IOAuthConsentStore consents) : IQueryHandler<ListOAuthConsentsQuery, IReadOnlyList<OAuthConsent>>
{
    public async ValueTask<IReadOnlyList<OAuthConsent>> Handle(ListOAuthConsentsQuery query, CancellationToken cancellationToken) =>
        await consents.ListAsync(query.UserId, cancellationToken);
}
