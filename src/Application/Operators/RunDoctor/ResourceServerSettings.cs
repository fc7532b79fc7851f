namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// How a downstream service (a resource server) is configured to accept our JWTs, as given to
/// <c>doctor --resource-server ISSUER,AUDIENCE,JWKS_URL</c>.
/// </summary>
public sealed record ResourceServerSettings(string Issuer, string Audience, Uri JwksUrl)
{
    public const string Format = "ISSUER,AUDIENCE,JWKS_URL";

    public static bool TryParse(string? text, out ResourceServerSettings settings, out string problem)
    {
        settings = null!;
        var parts = (text ?? string.Empty).Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 3 || parts.Any(p => p.Length == 0))
        {
            problem = $"--resource-server takes three values separated by commas: {Format}, e.g. https://auth.example.com,https://auth.example.com,https://auth.example.com/api/auth/jwks";
            return false;
        }

        if (!Uri.TryCreate(parts[2], UriKind.Absolute, out var jwks) || jwks.Scheme is not ("http" or "https"))
        {
            problem = $"--resource-server: the JWKS URL '{parts[2]}' is not an absolute http(s) URL.";
            return false;
        }

        settings = new ResourceServerSettings(parts[0], parts[1], jwks);
        problem = string.Empty;
        return true;
    }
}
