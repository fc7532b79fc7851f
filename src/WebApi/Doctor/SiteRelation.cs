namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// Whether two URLs are on the same site as browsers define it for cookies: the same scheme and the same
/// registrable domain ("schemeful same-site"). Ports do not matter. The registrable domain needs the
/// Public Suffix List; this keeps a small part of it (multi-label country suffixes and hosting platforms
/// whose subdomains belong to different customers) and otherwise treats the last label as the suffix.
/// </summary>
public static class SiteRelation
{
    private static readonly HashSet<string> KnownPublicSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        // Country second-level suffixes.
        "co.uk", "org.uk", "ac.uk", "gov.uk", "me.uk", "com.au", "net.au", "org.au", "co.nz", "org.nz",
        "co.jp", "ne.jp", "or.jp", "com.br", "com.cn", "com.hk", "com.sg", "com.tw", "co.in", "co.za",
        "com.mx", "com.tr", "co.kr", "com.ar", "co.il",

        // Hosting platforms: app-a.vercel.app and app-b.vercel.app are different sites.
        "vercel.app", "netlify.app", "herokuapp.com", "fly.dev", "up.railway.app", "onrender.com",
        "pages.dev", "workers.dev", "github.io", "gitlab.io", "azurewebsites.net", "azurestaticapps.net",
        "cloudfront.net", "amplifyapp.com", "appspot.com", "web.app", "firebaseapp.com", "deno.dev",
    };

    public static bool IsSameSite(Uri first, Uri second) =>
        string.Equals(first.Scheme, second.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(RegistrableDomain(first), RegistrableDomain(second), StringComparison.OrdinalIgnoreCase);

    /// <summary>"auth.example.com" → "example.com"; "app.vercel.app" → "app.vercel.app"; IP addresses and single labels stay as they are.</summary>
    public static string RegistrableDomain(Uri uri)
    {
        var host = uri.IdnHost.TrimEnd('.').ToLowerInvariant();
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || !host.Contains('.', StringComparison.Ordinal))
        {
            return host;
        }

        var labels = host.Split('.');
        var suffixStart = labels.Length - 1;
        for (var i = 0; i < labels.Length - 1; i++)
        {
            if (KnownPublicSuffixes.Contains(string.Join('.', labels[i..])))
            {
                suffixStart = i;
                break;
            }
        }

        return suffixStart == 0 ? host : string.Join('.', labels[(suffixStart - 1)..]);
    }

    /// <summary>True for a domain that unrelated sites share (a TLD or a known public suffix): browsers refuse cookies for it.</summary>
    public static bool IsPublicSuffix(string domain)
    {
        var trimmed = domain.Trim().TrimStart('.').TrimEnd('.');
        return !trimmed.Contains('.', StringComparison.Ordinal) || KnownPublicSuffixes.Contains(trimmed);
    }
}
