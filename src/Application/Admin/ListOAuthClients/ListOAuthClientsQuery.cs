using AuthPlatform.Application.Common.Interfaces;
using Mediator;

namespace AuthPlatform.Application.Admin.ListOAuthClients;

/// <summary>Every registered OAuth client as registered, never a secret (GET /admin/oauth2/list-clients).</summary>
public sealed record ListOAuthClientsQuery : IQuery<IReadOnlyList<OAuthClientRegistration>>;
