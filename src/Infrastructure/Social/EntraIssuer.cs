using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// Microsoft Entra's quirk: its multi-tenant endpoints (common, organizations, consumers) publish the
/// issuer as a template, <c>https://login.microsoftonline.com/{tenantid}/v2.0</c>, and every token names
/// the issuer of the person's own tenant. An issuer matches the template when a tenant id (a GUID) stands
/// in the placeholder; an ID token's issuer must name the tenant of its own <c>tid</c> claim.
/// </summary>
internal static class EntraIssuer
{
    private const string Placeholder = "{tenantid}";

    public static bool IsTemplate(string issuer) => issuer.Contains(Placeholder, StringComparison.Ordinal);

    /// <summary>The tenant id <paramref name="issuer"/> puts in the template's place, or null when it is not the template with a tenant id in place.</summary>
    public static string? TenantOf(string template, string issuer)
    {
        var at = template.IndexOf(Placeholder, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var (prefix, suffix) = (template[..at], template[(at + Placeholder.Length)..]);
        if (issuer.Length <= prefix.Length + suffix.Length
            || !issuer.StartsWith(prefix, StringComparison.Ordinal) || !issuer.EndsWith(suffix, StringComparison.Ordinal))
        {
            return null;
        }

        var tenant = issuer[prefix.Length..^suffix.Length];
        return Guid.TryParseExact(tenant, "D", out _) ? tenant : null;
    }

    /// <summary>The ID token's issuer check in place of the template: the template with the token's own <c>tid</c>.</summary>
    public static IssuerValidator Validator(string template) => (issuer, token, _) =>
        token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>("tid", out var tid) && tid is not null && TenantOf(template, issuer) == tid
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("The issuer does not match the token's tenant.");
}
