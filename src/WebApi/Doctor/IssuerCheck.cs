using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RunDoctor;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// The "iss" of issued tokens: the public base URL's origin unless AUTH_JWT_ISSUER says otherwise (the
/// contract allows an explicit issuer), and the same issuer the running service advertises in its
/// discovery document. Resource servers compare issuers exactly, so a trailing slash alone breaks them.
/// </summary>
public sealed class IssuerCheck : IDoctorCheck
{
    public string Name => "issuer";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.BaseUri is null)
        {
            return DoctorResult.Skip("needs a valid AUTH_BASE_URL");
        }

        var auth = context.Auth;
        var jwt = context.Jwt;
        var issuer = jwt.IssuerFor(auth);
        var origin = auth.BaseOrigin;
        var findings = new List<DoctorFinding>();
        string configured;
        if (string.Equals(issuer, origin, StringComparison.Ordinal))
        {
            configured = $"issuer {issuer} (the base URL's origin)";
        }
        else if (string.Equals(issuer.TrimEnd('/'), origin, StringComparison.Ordinal))
        {
            configured = $"issuer {issuer} (set by AUTH_JWT_ISSUER)";
            findings.Add(DoctorFinding.Warning(
                $"AUTH_JWT_ISSUER {issuer} differs from the base URL's origin {origin} only by a trailing slash: resource servers configured with the origin reject every token.",
                "unset AUTH_JWT_ISSUER (the origin is the default), or give every resource server exactly this issuer"));
        }
        else
        {
            configured = $"issuer {issuer}, set by AUTH_JWT_ISSUER (the base URL's origin is {origin})";
        }

        var published = await PublishedKeys.FetchAsync(context, cancellationToken);
        string compared;
        if (published is null)
        {
            compared = "not compared with the running service (--offline)";
        }
        else if (published.Issuer is null)
        {
            compared = $"not compared with the running service: its discovery document could not be read ({published.DiscoveryProblem ?? "no issuer in it"})";
        }
        else if (!string.Equals(published.Issuer, issuer, StringComparison.Ordinal))
        {
            compared = string.Empty;
            findings.Add(DoctorFinding.Failure(
                $"the service at {published.DiscoveryUrl} advertises issuer '{published.Issuer}', but this configuration issues '{issuer}': the running instances have other settings than the ones doctor was given, or that URL reaches another deployment.",
                "give doctor and every instance the same AUTH_BASE_URL and AUTH_JWT_ISSUER, and restart the instances after a change"));
        }
        else
        {
            compared = $"advertised by the running service at {published.DiscoveryUrl}";
        }

        return DoctorFinding.Summarize($"{configured}; {compared}", findings);
    }
}
