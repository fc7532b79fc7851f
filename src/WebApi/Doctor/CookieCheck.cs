using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// The session cookie will be stored and sent by browsers for this deployment: its attributes fit the
/// base URL's scheme, and frontends on another site get SameSite=None; Secure; Partitioned (or, better,
/// are served through a same-site reverse proxy).
/// </summary>
public sealed class CookieCheck : IDoctorCheck
{
    private const string ProxyOrCrossSite =
        "serve the auth routes from the frontend's own site through a reverse proxy (docs/deployment.md), or set AUTH_COOKIE_MODE=CrossSite (SameSite=None; Secure; Partitioned)";

    public string Name => "cookies";

    /// <summary>What start-up refuses about the cookie settings (<see cref="CookieSettingsValidator"/>).</summary>
    public static IReadOnlyList<string> ValidatorProblems(DoctorContext context) =>
        new CookieSettingsValidator(context.Configuration).Validate(null, context.Cookies()) is { Failed: true } result
            ? [.. result.Failures ?? []]
            : [];

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.BaseUri is not { } baseUri)
        {
            return Task.FromResult(DoctorResult.Skip("needs a valid AUTH_BASE_URL"));
        }

        var auth = context.Auth;
        var policy = SessionCookiePolicy.Resolve(context.Cookies(), auth);
        var findings = ValidatorProblems(context)
            .Select(problem => DoctorFinding.Failure(problem, "change the AUTH_COOKIE_* settings as the message says"))
            .ToList();

        var origins = auth.TrustedOriginList.Skip(1).Select(o => new Uri(o)).ToList();
        var crossSite = origins.Where(o => !SiteRelation.IsSameSite(baseUri, o)).Select(o => o.GetLeftPart(UriPartial.Authority)).ToList();
        if (crossSite.Count > 0 && policy.SameSite != "None")
        {
            findings.Add(DoctorFinding.Failure(
                $"{string.Join(", ", crossSite)} {(crossSite.Count == 1 ? "is" : "are")} on another site than {auth.BaseOrigin}, and browsers do not send SameSite={policy.SameSite} cookies with cross-site requests.",
                ProxyOrCrossSite));
        }
        else if (crossSite.Count > 0 && !policy.Partitioned)
        {
            findings.Add(DoctorFinding.Failure(
                $"{string.Join(", ", crossSite)} {(crossSite.Count == 1 ? "is" : "are")} on another site, and cross-site cookies without Partitioned are refused by Safari and wherever third-party cookies are blocked.",
                "set AUTH_COOKIE_PARTITIONED=true (AUTH_COOKIE_MODE=CrossSite sets it)"));
        }
        else if (crossSite.Count == 0 && policy.SameSite == "None")
        {
            findings.Add(DoctorFinding.Warning(
                $"cookies are SameSite=None, but every trusted origin is on the same site as {auth.BaseOrigin}.",
                "use AUTH_COOKIE_MODE=SameSite (SameSite=Lax): it suffices here and browsers then refuse to send the cookie with cross-site requests"));
        }

        if (baseUri.Scheme == Uri.UriSchemeHttps && !policy.Secure)
        {
            findings.Add(DoctorFinding.Failure(
                "the base URL is https but the session cookie is not Secure: browsers would also send it over plain http.",
                "remove AUTH_COOKIE_SECURE=false"));
        }
        else if (baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            findings.Add(DoctorFinding.Warning(
                $"AUTH_BASE_URL {auth.BaseUrl} is plain http: passwords and session cookies travel unencrypted.",
                "serve the service over https and set AUTH_BASE_URL to its https URL"));
        }

        if (policy.Domain is { } domain)
        {
            var bare = domain.TrimStart('.');
            var host = baseUri.IdnHost;
            if (!host.Equals(bare, StringComparison.OrdinalIgnoreCase) && !host.EndsWith("." + bare, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(DoctorFinding.Failure($"AUTH_COOKIE_DOMAIN {domain} does not contain the base URL's host {host}: browsers reject the cookie.", "set AUTH_COOKIE_DOMAIN to a parent domain of the host, or leave it unset"));
            }
            else if (SiteRelation.IsPublicSuffix(bare))
            {
                findings.Add(DoctorFinding.Failure($"AUTH_COOKIE_DOMAIN {domain} is a public suffix shared by unrelated sites: browsers reject the cookie.", "leave AUTH_COOKIE_DOMAIN unset (a host-only __Host- cookie)"));
            }
        }

        var attributes = $"SameSite={policy.SameSite}{(policy.Secure ? "; Secure" : string.Empty)}{(policy.Partitioned ? "; Partitioned" : string.Empty)}";
        return Task.FromResult(DoctorFinding.Summarize(
            $"{policy.SessionTokenName} ({attributes}); {origins.Count + 1} trusted origin(s), {crossSite.Count} on another site",
            findings));
    }
}
