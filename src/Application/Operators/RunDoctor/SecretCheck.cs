using System.Globalization;
using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>AUTH_SECRET / AUTH_SECRETS present and strong, by the same rules start-up applies (<see cref="AuthOptionsValidator"/>).</summary>
public sealed class SecretCheck : IDoctorCheck
{
    public string Name => "secret";

    public static IReadOnlyList<string> Problems(AuthOptions auth)
    {
        var problems = new List<string>();
        AuthOptionsValidator.ValidateSecrets(auth, problems);
        return problems;
    }

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        var auth = context.Auth;
        var problems = Problems(auth);
        if (problems.Count > 0)
        {
            return Task.FromResult(DoctorResult.Fail(
                problems.Count == 1 ? problems[0] : $"{problems.Count} problems with the secrets",
                "set AUTH_SECRET to at least 32 random characters: `openssl rand -base64 32`",
                problems.Count == 1 ? null : problems));
        }

        var ring = auth.SecretRing;
        var current = ring[0];
        return Task.FromResult(DoctorResult.Pass(string.Create(CultureInfo.InvariantCulture,
            $"{ring.Count} secret{(ring.Count == 1 ? string.Empty : "s")}; the current one has {current.Length} characters (about {AuthOptionsValidator.EstimateEntropyBits(current):0} bits)")));
    }
}
