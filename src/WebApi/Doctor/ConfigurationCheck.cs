using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.WebApi.Configuration;
using AuthPlatform.WebApi.Cookies;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Doctor;

/// <summary>
/// Runs the service's own start-up validation (every options class) and lists what it refuses. Secret and
/// cookie problems are left to <see cref="SecretCheck"/> and <see cref="CookieCheck"/>, so each problem is
/// reported once, under the check it belongs to.
/// </summary>
public sealed class ConfigurationCheck : IDoctorCheck
{
    public string Name => "configuration";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        IReadOnlyList<string> problems;
        try
        {
            context.Services.GetRequiredService<IStartupValidator>().Validate();
            problems = [];
        }
        catch (Exception ex) when (StartupProblems.From(ex) is { Count: > 0 } found)
        {
            problems = found;
        }

        var reportedElsewhere = SecretCheck.Problems(context.Auth).Concat(CookieCheck.ValidatorProblems(context)).ToHashSet(StringComparer.Ordinal);
        var remaining = problems.Where(p => !reportedElsewhere.Contains(p)).ToList();
        return Task.FromResult(remaining.Count == 0
            ? DoctorResult.Pass(problems.Count == 0 ? "every setting is valid" : "every other setting is valid")
            : DoctorResult.Fail(
                $"{remaining.Count} setting{(remaining.Count == 1 ? " is" : "s are")} invalid; the service would refuse to start",
                "correct each setting listed below",
                remaining));
    }
}
