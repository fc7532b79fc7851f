namespace AuthPlatform.Application.Common.Options;

/// <summary>Web origins (scheme://host[:port]) in the normalised form browsers send in the Origin header.</summary>
public static class OriginParser
{
    public static bool TryNormalize(string? text, out string origin)
    {
        origin = string.Empty;
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || !string.IsNullOrEmpty(uri.UserInfo)
            || uri.AbsolutePath != "/"
            || !string.IsNullOrEmpty(uri.Query)
            || !string.IsNullOrEmpty(uri.Fragment))
        {
            return false;
        }

        origin = OriginOf(uri);
        return true;
    }

    public static string OriginOf(Uri uri) => uri.GetLeftPart(UriPartial.Authority).ToLowerInvariant();
}
