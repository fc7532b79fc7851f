using AuthPlatform.Application.Common.Interfaces;
using Mediator;

namespace AuthPlatform.Application.Admin.ListOAuthClients;

internal sealed class ListOAuthClientsQueryHandler(IOAuthClientRegistry registry) : IQueryHandler<ListOAuthClientsQuery, IReadOnlyList<OAuthClientRegistration>>
{
    public async ValueTask<IReadOnlyList<OAuthClientRegistration>> Handle(ListOAuthClientsQuery query, CancellationToken cancellationToken) =>
        await registry.ListAsync(cancellationToken);
}
