using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>A configured identity provider as the routes and the sign-in buttons name it.</summary>
public sealed record IdentityProviderInfo(string Id, string Name);

/// <summary>What the authorization URL carries (besides the client id and the redirect URI).</summary>
public sealed record AuthorizationRequest(string ProviderId, string State, string CodeVerifier, string Nonce, string RedirectUri, IReadOnlyList<string> ExtraScopes, string? LoginHint)
{
    public override string ToString() => $"AuthorizationRequest {{ ProviderId = {ProviderId} }}";
}

/// <summary>The provider's tokens. Never logged: <see cref="ToString"/> hides them.</summary>
public sealed record ProviderTokenSet(
    string? AccessToken,
    string? RefreshToken,
    string? IdToken,
    DateTimeOffset? AccessTokenExpiresAt,
    DateTimeOffset? RefreshTokenExpiresAt,
    string? Scope)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Scope = ").Append(Scope).Append(", AccessTokenExpiresAt = ").Append(AccessTokenExpiresAt).Append(", tokens = ***");
        return true;
    }
}

/// <summary>The person the provider vouched for (from a validated ID token or its user-info endpoint), with the tokens.</summary>
public sealed record ProviderIdentity(string Issuer, string Subject, string? Email, bool EmailVerified, string? Name, string? Image, ProviderTokenSet Tokens)
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Issuer = ").Append(Issuer).Append(", Subject = ").Append(Subject).Append(", EmailVerified = ").Append(EmailVerified).Append(", tokens = ***");
        return true;
    }
}

/// <summary>Whether a provider's discovery document and keys answer (doctor).</summary>
public sealed record IdentityProviderProbe(string ProviderId, bool Healthy, string Detail);

/// <summary>
/// The identity providers over HTTP: discovery, the authorization URL, the code exchange (after the
/// response's issuer is checked) with the ID token validated (signature through the provider's JWKS, iss,
/// aud, azp, exp, nonce) or the user-info endpoint where
/// the provider has no ID token, and the refresh grant. A provider's failure (an error status, a timeout,
/// bad JSON, a token that does not validate) is a <see cref="Result{T}"/> failure whose code is the
/// callback's error code (SocialErrors), never an exception.
/// </summary>
public interface IIdentityProviders
{
    IReadOnlyList<IdentityProviderInfo> Configured { get; }

    bool Exists(string providerId);

    Task<Result<Uri>> AuthorizationUrlAsync(AuthorizationRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// The code exchanged for the person. <paramref name="responseIssuer"/> is the authorization response's
    /// <c>iss</c> (RFC 9207), checked against the provider's issuer before the code is sent anywhere.
    /// </summary>
    Task<Result<ProviderIdentity>> RedeemCodeAsync(
        string providerId, string code, string? responseIssuer, string codeVerifier, string nonce, string redirectUri, CancellationToken cancellationToken);

    Task<Result<ProviderTokenSet>> RefreshAsync(string providerId, string refreshToken, CancellationToken cancellationToken);

    Task<IReadOnlyList<IdentityProviderProbe>> ProbeAsync(CancellationToken cancellationToken);
}
