using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.Mail;

/// <summary>
/// Where a mailed link may send the browser afterwards (callbackURL, redirectTo): a path on this
/// service's site ("/welcome", never "//evil.example" or "/\evil.example") or an absolute http(s) URL on
/// a trusted origin. Anything else would make the service an open redirect.
/// </summary>
public static class RedirectTargets
{
    public const int MaxLength = 2048;

    public static bool IsAllowed(string? target, AuthOptions options)
    {
        if (string.IsNullOrEmpty(target))
        {
            return true;
        }

        if (target.Length > MaxLength || target.Any(c => char.IsControl(c) || c == '\\'))
        {
            return false;
        }

        if (target[0] == '/')
        {
            return target.Length == 1 || target[1] != '/';
        }

        return Uri.TryCreate(target, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.UserInfo)
            && options.TrustedOriginList.Contains(OriginParser.OriginOf(uri), StringComparer.Ordinal);
    }

    /// <summary>The absolute URL of an allowed target (relative ones are on the base URL), with one query parameter set.</summary>
    public static string WithParameter(string target, AuthOptions options, string name, string value)
    {
        var absolute = new Uri(options.BaseUri, target);
        var builder = new UriBuilder(absolute);
        var query = builder.Query.TrimStart('?');
        var pair = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        builder.Query = query.Length == 0 ? pair : query + "&" + pair;
        return builder.Uri.AbsoluteUri;
    }
}
