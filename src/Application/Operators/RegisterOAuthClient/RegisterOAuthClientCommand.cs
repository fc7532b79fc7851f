using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.RegisterOAuthClient;

/// <summary>
/// Register an application that signs users in with this service or gets tokens for itself (the
/// `register-oauth-client` command). Confidential clients get a secret, shown once; public clients (SPAs,
/// mobile and CLI apps) have none and must use PKCE. A confidential client registered with <paramref name="Jwks"/>
/// (its public keys, a JSON Web Key Set) gets no secret: it authenticates with assertions signed by its private key
/// (private_key_jwt, RFC 7523). Without resources, tokens are for the configured JWT audience, the one resource
/// servers already accept.
/// </summary>
public sealed record RegisterOAuthClientCommand(
    string? Name,
    string? Type,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Resources,
    bool FirstParty,
    string? Jwks = null) : ICommand<Result<RegisteredOAuthClient>>
{
    public const string Confidential = "confidential";
    public const string Public = "public";

    public const string AuthorizationCode = "authorization_code";
    public const string RefreshToken = "refresh_token";
    public const string ClientCredentials = "client_credentials";

    /// <summary>The device grant (RFC 8628), also accepted as <see cref="DeviceCodeShort"/> on the command line.</summary>
    public const string DeviceCode = "urn:ietf:params:oauth:grant-type:device_code";
    public const string DeviceCodeShort = "device_code";

    public static readonly IReadOnlyList<string> KnownGrants = [AuthorizationCode, RefreshToken, ClientCredentials, DeviceCode, DeviceCodeShort];

    /// <summary>A grant as stored: the device grant by its URI, whichever way it was written.</summary>
    public static string Normalize(string grant) => grant == DeviceCodeShort ? DeviceCode : grant;
}

/// <summary>The new client's id, and its secret (confidential clients only; stored as a digest, never shown again).</summary>
public sealed record RegisteredOAuthClient(string ClientId, string? ClientSecret);
