using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.OAuthDynamicRegistration.RegisterDynamicOAuthClient;

/// <summary>
/// Dynamic client registration (RFC 7591, BetterAuth oauth-provider's <c>/oauth2/register</c>), when the operator allows
/// it (<c>Auth:OAuth:AllowDynamicClientRegistration</c>): the client's own metadata, under the operator's limits. The
/// client is registered as the operator command registers one (<c>RegisterOAuthClientCommand</c>), never first-party
/// (its users are asked for consent), for the configured JWT audience only; <paramref name="InitialAccessToken"/> is
/// the bearer token presented, required when the operator configured one.
/// </summary>
public sealed record RegisterDynamicOAuthClientCommand(
    string? ClientName,
    IReadOnlyList<string>? RedirectUris,
    IReadOnlyList<string>? GrantTypes,
    IReadOnlyList<string>? ResponseTypes,
    string? TokenEndpointAuthMethod,
    string? Scope,
    string? Jwks,
    string? InitialAccessToken) : ICommand<Result<DynamicallyRegisteredClient>>
{
    public const string None = "none";
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";

    public static readonly IReadOnlyList<string> AuthMethods = [None, ClientSecretBasic, ClientSecretPost, PrivateKeyJwt];

    /// <summary>The scopes a client may register itself for: the server's own, never an API's (those the operator grants).</summary>
    public static readonly IReadOnlyList<string> Scopes = ["openid", "profile", "email", "offline_access", Tokens.OrganizationClaims.Scope];

    /// <summary>RFC 7591 defaults: client_secret_basic and the authorization_code grant.</summary>
    public string AuthMethod => string.IsNullOrWhiteSpace(TokenEndpointAuthMethod) ? ClientSecretBasic : TokenEndpointAuthMethod;

    public IReadOnlyList<string> Grants => GrantTypes is { Count: > 0 } grants ? grants : [Operators.RegisterOAuthClient.RegisterOAuthClientCommand.AuthorizationCode];

    public IReadOnlyList<string> ScopeList => string.IsNullOrWhiteSpace(Scope)
        ? ["openid", "profile", "email"]
        : Scope.Split(' ', StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>The registration as RFC 7591 answers it: the metadata as registered, the id, and a secret when one was issued.</summary>
public sealed record DynamicallyRegisteredClient(
    string ClientId,
    string? ClientSecret,
    DateTimeOffset IssuedAt,
    string ClientName,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> GrantTypes,
    IReadOnlyList<string> ResponseTypes,
    string TokenEndpointAuthMethod,
    string Scope);
