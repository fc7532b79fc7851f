namespace AuthPlatform.Application.Common.Options;

/// <summary>The WebAuthn relying party as configured, with the fall-backs applied (one place for both the validator and the ceremonies).</summary>
public sealed record RelyingParty(string Id, string Name, IReadOnlyList<string> Origins)
{
    public static RelyingParty Resolve(PasskeyOptions options, AuthOptions auth)
    {
        Uri.TryCreate(auth.BaseUrl, UriKind.Absolute, out var baseUri);
        var id = string.IsNullOrWhiteSpace(options.RpId) ? baseUri?.Host ?? "localhost" : options.RpId.Trim().ToLowerInvariant();
        var origins = string.IsNullOrWhiteSpace(options.Origins)
            ? new[] { baseUri?.GetLeftPart(UriPartial.Authority) }.Concat(auth.TrustedOrigins?.Split(',') ?? [])
            : options.Origins.Split(',');
        var list = origins.Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.Trim().TrimEnd('/')).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return new RelyingParty(id, options.RpName, list);
    }
}
