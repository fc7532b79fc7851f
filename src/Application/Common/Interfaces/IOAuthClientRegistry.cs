namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>The OAuth server's registered clients (OpenIddict's application store in our database, ADR 0140).</summary>
public interface IOAuthClientRegistry
{
    /// <summary>Stores a new client; a confidential client's <paramref name="secret"/> is kept as a digest only.</summary>
    Task RegisterAsync(OAuthClientRegistration client, string? secret, CancellationToken cancellationToken);

    /// <summary>Every registered client, as registered (never a secret).</summary>
    Task<IReadOnlyList<OAuthClientRegistration>> ListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes the client with its authorizations and tokens, in one transaction with the changes
    /// <paramref name="recordDeletion"/> tracks (its audit event): both commit, or neither. False when there is no
    /// client with that id (and <paramref name="recordDeletion"/> is not called).
    /// </summary>
    Task<bool> DeleteAsync(string clientId, Action recordDeletion, CancellationToken cancellationToken);
}

/// <summary>
/// What a client may do: its exact redirect URIs, its grants, the scopes it may ask for, and the resources
/// (RFC 8707) its access tokens may be for. A first-party client is never asked for consent. <paramref name="Jwks"/>: the
/// public keys a private_key_jwt client signs its assertions with (JSON), null for a client with a secret or none.
/// </summary>
public sealed record OAuthClientRegistration(
    string ClientId,
    string Name,
    bool Confidential,
    IReadOnlyList<string> RedirectUris,
    IReadOnlyList<string> PostLogoutRedirectUris,
    IReadOnlyList<string> Grants,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> Resources,
    bool FirstParty,
    string? Jwks = null);
