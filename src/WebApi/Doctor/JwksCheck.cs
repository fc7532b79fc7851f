using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// The JWKS is reachable at the URL the discovery document advertises, fetched from the configured public
/// URL as a resource server would, and it holds exactly the keys the database publishes (same kids). A key
/// missing there means verifiers will reject tokens it signs; an extra one means the URL reaches an
/// instance on another database or a stale cache.
/// </summary>
public sealed class JwksCheck : IDoctorCheck
{
    private const string ReachFix =
        "make the public URL reach the service: start it, and route /.well-known/ and the base path (/api/auth) to it through any proxy in front; resource servers fetch keys from this URL";

    public string Name => "jwks";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.BaseUri is null)
        {
            return DoctorResult.Skip("needs a valid AUTH_BASE_URL");
        }

        if (await PublishedKeys.FetchAsync(context, cancellationToken) is not { } published)
        {
            return DoctorResult.Skip("--offline: the public URL was not fetched");
        }

        var advertisedBy = published.DiscoveryProblem is null ? "advertised by the discovery document" : "where this version advertises it";
        if (published.KeyIds is not { } served)
        {
            return DoctorResult.Fail(
                $"the JWKS at {published.JwksUrl} ({advertisedBy}) cannot be read: {published.JwksProblem}",
                ReachFix,
                published.DiscoveryProblem is { } discoveryProblem ? [$"the discovery document at {published.DiscoveryUrl} cannot be read either: {discoveryProblem}"] : null);
        }

        var findings = new List<DoctorFinding>();
        if (published.DiscoveryProblem is { } problem)
        {
            findings.Add(DoctorFinding.Failure(
                $"the discovery document at {published.DiscoveryUrl} cannot be read: {problem}; resource servers configured with the issuer alone (JwtBearer's Authority) cannot find the keys.",
                ReachFix));
        }

        string compared;
        if (await KeyRingRows.ReadAsync(context, cancellationToken) is not { } ring)
        {
            compared = $"{served.Count} key(s), not compared with the key ring (needs the database)";
        }
        else
        {
            var expected = ring.Keys.PublishedAt(ring.Now).Select(k => k.Id).ToList();
            var missing = expected.Except(served, StringComparer.Ordinal).ToList();
            var extra = served.Except(expected, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                findings.Add(DoctorFinding.Failure(
                    $"the JWKS at {published.JwksUrl} lacks {string.Join(", ", missing)}, which the database publishes: verifiers will reject tokens signed with it.",
                    $"if a rotation ran in the last {context.Jwt.Keys.RefreshInterval.TotalSeconds:0} s (Auth:Jwt:Keys:RefreshInterval), run doctor again; otherwise check that every instance uses this DATABASE_URL and that no cache in front keeps the JWKS past its max-age"));
            }

            if (extra.Count > 0)
            {
                findings.Add(DoctorFinding.Failure(
                    $"the JWKS at {published.JwksUrl} serves {string.Join(", ", extra)}, which this database does not publish: the URL reaches an instance on another database, or a stale copy.",
                    "check that every instance behind the public URL uses this DATABASE_URL, and purge caches in front of it"));
            }

            compared = $"the same {expected.Count} key(s) the database publishes";
        }

        return DoctorFinding.Summarize($"{published.JwksUrl} ({advertisedBy}) serves {compared}", findings);
    }
}
