namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The WebAuthn relying party as configured, with the fall-backs applied (one place for both the validator
/// and the ceremonies). Defaults are the base URL's host and, of the base URL's origin and the trusted
/// origins, those a browser allows for that host (https, or http on localhost; on the host or a subdomain).
/// </summary>
public sealed record RelyingParty(string Id, string Name, IReadOnlyList<string> Origins)
{
    public static RelyingParty Resolve(PasskeyOptions options, AuthOptions auth)
    {
        Uri.TryCreate(auth.BaseUrl, UriKind.Absolute, out var baseUri);
        var id = string.IsNullOrWhiteSpace(options.RpId) ? baseUri?.Host ?? "localhost" : options.RpId.Trim().ToLowerInvariant();
        if (!string.IsNullOrWhiteSpace(options.Origins))
        {
            return new RelyingParty(id, options.RpName, Normalize(options.Origins.Split(',')));
        }

        var defaults = Normalize(new[] { baseUri?.GetLeftPart(UriPartial.Authority) }.Concat(auth.TrustedOrigins?.Split(',') ?? []));
        return new RelyingParty(id, options.RpName, defaults.Where(o => Problem(o, id) is null).ToList());
    }

    /// <summary>Why a browser would not run a ceremony for relying party <paramref name="id"/> on <paramref name="origin"/>, or null.</summary>
    public static string? Problem(string origin, string id)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
        {
            return $"'{origin}' is not an https origin (http is allowed only for localhost).";
        }

        return string.Equals(uri.Host, id, StringComparison.OrdinalIgnoreCase) || uri.Host.EndsWith("." + id, StringComparison.OrdinalIgnoreCase)
            ? null
            : $"'{origin}' is not on the relying party id '{id}' or a subdomain of it.";
    }

    private static List<string> Normalize(IEnumerable<string?> origins) =>
        origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.Trim().TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
