using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// RFC 9207: the authorization response names the provider that issued it (<c>iss</c>). A code sent to
/// this provider's callback by another provider (a mix-up attack) is refused before it goes to any token
/// endpoint: a present <c>iss</c> must be the discovered issuer (for Entra's template, the issuer of one
/// tenant; the ID token must then be that tenant's, <see cref="IdTokenValidator"/>), and a provider whose
/// discovery announces <c>authorization_response_iss_parameter_supported</c> must send it. A provider
/// without discovery (GitHub, plain OAuth 2.0) has no issuer to compare with: its <c>iss</c> is not checked.
/// </summary>
internal static class AuthorizationResponseIssuer
{
    /// <summary>The callback's error code when the response's issuer is refused; null when it is accepted.</summary>
    public static string? Refusal(ProviderEndpoints endpoints, string? presented)
    {
        if (endpoints.Configuration is not { Issuer: { Length: > 0 } issuer } configuration)
        {
            return null;
        }

        if (presented is null)
        {
            return configuration.AuthorizationResponseIssParameterSupported ? SocialErrors.IssuerMissing : null;
        }

        // A simple string comparison (RFC 9207 2.4): no normalisation, a near match is the attack. A template
        // is never an issuer itself: one tenant's id must stand in its place.
        var named = EntraIssuer.IsTemplate(issuer) ? EntraIssuer.TenantOf(issuer, presented) is not null : presented == issuer;
        return named ? null : SocialErrors.IssuerMismatch;
    }
}
