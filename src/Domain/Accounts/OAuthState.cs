using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.Accounts;

/// <summary>
/// One authorization request sent to an identity provider, kept server-side until the provider sends the
/// browser back: single use (the callback deletes the row before it does anything else) and short-lived.
/// The state parameter is a random token; the row holds its digest, the PKCE verifier, the nonce the ID
/// token must carry, where to send the browser afterwards, and the user to link to (link-social).
/// </summary>
public sealed class OAuthState
{
    private OAuthState()
    {
        Id = string.Empty;
        StateDigest = [];
        ProviderId = string.Empty;
        CodeVerifier = string.Empty;
        Nonce = string.Empty;
        CallbackUrl = string.Empty;
    }

    public string Id { get; private set; }

    public byte[] StateDigest { get; private set; }

    public string ProviderId { get; private set; }

    public string CodeVerifier { get; private set; }

    public string Nonce { get; private set; }

    public string CallbackUrl { get; private set; }

    public string? ErrorCallbackUrl { get; private set; }

    public string? NewUserCallbackUrl { get; private set; }

    /// <summary>Set for link-social: the signed-in user the provider's account is added to.</summary>
    public string? LinkUserId { get; private set; }

    /// <summary>The scopes asked for, space-separated.</summary>
    public string? Scopes { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public static OAuthState Issue(
        SessionToken state,
        string providerId,
        string codeVerifier,
        string nonce,
        string callbackUrl,
        string? errorCallbackUrl,
        string? newUserCallbackUrl,
        string? linkUserId,
        string? scopes,
        TimeSpan lifetime,
        DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(providerId) || string.IsNullOrEmpty(codeVerifier) || string.IsNullOrEmpty(nonce))
        {
            throw new DomainRuleException("An authorization request needs a provider, a PKCE verifier and a nonce.");
        }

        return new OAuthState
        {
            Id = RandomId.New(),
            StateDigest = state.ComputeDigest(),
            ProviderId = providerId,
            CodeVerifier = codeVerifier,
            Nonce = nonce,
            CallbackUrl = callbackUrl,
            ErrorCallbackUrl = errorCallbackUrl,
            NewUserCallbackUrl = newUserCallbackUrl,
            LinkUserId = linkUserId,
            Scopes = scopes,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
