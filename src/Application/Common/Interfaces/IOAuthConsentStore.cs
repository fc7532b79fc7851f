namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>
/// A user's consents to OAuth clients: OpenIddict's permanent authorizations (ADR 0141). A consent covers a client
/// and a set of scopes; the tokens issued under it are bound to it, so revoking it ends them.
/// </summary>
public interface IOAuthConsentStore
{
    /// <summary>Records that <paramref name="userId"/> grants <paramref name="clientId"/> these scopes (with those already granted).</summary>
    Task GrantAsync(string userId, string clientId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>The user's consents, one per client.</summary>
    Task<IReadOnlyList<OAuthConsent>> ListAsync(string userId, CancellationToken cancellationToken);

    /// <summary>The user's consent with that id; null when the user has none with that id.</summary>
    Task<OAuthConsent?> FindAsync(string userId, string consentId, CancellationToken cancellationToken);

    /// <summary>The scopes the client was registered for: all a consent to it may grant.</summary>
    Task<IReadOnlyList<string>> ClientScopesAsync(string clientId, CancellationToken cancellationToken);

    /// <summary>
    /// Makes the user's consent to the client grant exactly <paramref name="scopes"/>: every grant of it ends, with every
    /// token issued under them, and one grant of these scopes replaces them. Null when the user has no consent with that id.
    /// </summary>
    Task<OAuthConsent?> ReplaceAsync(string userId, string consentId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>Revokes the user's consent to the client (every grant of it, and every token issued under them); null when the user has none with that id.</summary>
    Task<OAuthConsent?> RevokeAsync(string userId, string consentId, CancellationToken cancellationToken);
}

/// <summary>One client's consent: <paramref name="Id"/> names it in revocation.</summary>
public sealed record OAuthConsent(string Id, string ClientId, string ClientName, IReadOnlyList<string> Scopes, DateTimeOffset? CreatedAt);
