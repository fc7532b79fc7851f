using AuthPlatform.Application.Operators.RunDoctor;
namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// A downstream service's token settings agree with ours: it expects our issuer and one of our audiences,
/// and fetches keys from a URL this service serves its JWKS at. JWT libraries compare issuer and audience
/// exactly, so a trailing slash alone makes every token fail there.
/// </summary>
public sealed class ResourceServerCheck : IDoctorCheck
{
    public string Name => "resource-server";

    /// <summary>Listed only when doctor was given --resource-server.</summary>
    public bool AppliesTo(DoctorContext context) => context.ResourceServer is not null;

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.ResourceServer is not { } resourceServer)
        {
            return Task.FromResult(DoctorResult.Skip("no --resource-server given"));
        }

        if (context.BaseUri is not { } baseUri)
        {
            return Task.FromResult(DoctorResult.Skip("needs a valid AUTH_BASE_URL"));
        }

        var ours = TokenIdentity.From(context.Jwt, context.Auth, baseUri);
        var findings = new List<DoctorFinding>();
        if (!string.Equals(resourceServer.Issuer, ours.Issuer, StringComparison.Ordinal))
        {
            var hint = string.Equals(resourceServer.Issuer.TrimEnd('/'), ours.Issuer.TrimEnd('/'), StringComparison.Ordinal) ? " (they differ only by a trailing slash)" : string.Empty;
            findings.Add(DoctorFinding.Failure(
                $"the resource server expects issuer '{resourceServer.Issuer}', but tokens carry '{ours.Issuer}'{hint}: it would reject every token.",
                $"configure the resource server with issuer {ours.Issuer} (or set AUTH_JWT_ISSUER here)"));
        }

        if (!ours.Audiences.Contains(resourceServer.Audience, StringComparer.Ordinal))
        {
            findings.Add(DoctorFinding.Failure(
                $"the resource server expects audience '{resourceServer.Audience}', but tokens carry {string.Join(", ", ours.Audiences.Select(a => $"'{a}'"))}: it would reject every token.",
                $"configure the resource server with audience {ours.Audiences[0]}, or add its audience to AUTH_JWT_AUDIENCE here"));
        }

        if (!ours.JwksUrls.Any(url => TokenIdentity.SameUrl(url, resourceServer.JwksUrl)))
        {
            findings.Add(DoctorFinding.Failure(
                $"the resource server fetches keys from {resourceServer.JwksUrl}, which is not where this service serves them.",
                $"use {ours.JwksUrls[0]} (or {ours.JwksUrls[1]})"));
        }
        else if (resourceServer.JwksUrl.Scheme == Uri.UriSchemeHttp && !resourceServer.JwksUrl.IsLoopback)
        {
            findings.Add(DoctorFinding.Warning(
                $"the resource server fetches keys over plain http ({resourceServer.JwksUrl}): anyone on the path could substitute them.",
                "serve this service over https and give the resource server the https JWKS URL"));
        }

        return Task.FromResult(DoctorFinding.Summarize(
            $"issuer {ours.Issuer}, audience {resourceServer.Audience} and JWKS URL {resourceServer.JwksUrl} match this service's settings",
            findings));
    }
}
