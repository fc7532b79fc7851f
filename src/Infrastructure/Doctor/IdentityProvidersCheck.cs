using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Social;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// Each configured identity provider's discovery document and JWKS answer, with at least one signing key:
/// without them nobody can sign in with that provider (the callback would end at error=invalid_code or
/// unable_to_get_user_info). Providers without discovery (GitHub, plain OAuth 2.0) have nothing to fetch
/// ahead. Skipped with --offline.
/// </summary>
public sealed class IdentityProvidersCheck : IDoctorCheck
{
    public string Name => "oidc-providers";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var settings = context.Settings<SocialOptions>(SocialOptions.SectionName);
        if (settings.Providers.Count == 0)
        {
            return DoctorResult.Pass("none configured (social sign-in is off)");
        }

        if (context.Offline)
        {
            return DoctorResult.Skip("--offline: the providers' discovery documents are not fetched");
        }

        var problems = new SocialOptionsValidator().Validate(null, settings);
        if (problems.Failed)
        {
            return DoctorResult.Fail("the provider settings are invalid", "fix Auth:Social as listed", problems.Failures?.ToList());
        }

        var http = context.Services.GetRequiredService<IHttpClientFactory>();
        var providers = new IdentityProviders(Options.Create(settings), http, context.Clock, NullLogger<IdentityProviders>.Instance);
        var probes = await providers.ProbeAsync(cancellationToken);
        var details = probes.Select(p => $"{p.ProviderId}: {p.Detail}").ToList();
        var failed = probes.Where(p => !p.Healthy).Select(p => p.ProviderId).ToList();
        return failed.Count == 0
            ? DoctorResult.Pass($"{probes.Count} provider(s) answer", details)
            : DoctorResult.Fail(
                $"{string.Join(", ", failed)}: discovery or JWKS did not answer",
                "check the provider's DiscoveryUrl (or TenantId) and that this host reaches it over https",
                details);
    }
}
