using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Hosting;

/// <summary>
/// Graceful shutdown (section "Hosting"; AUTH_SHUTDOWN_TIMEOUT). On SIGTERM the service stops accepting
/// connections and gives requests in flight this long to finish before it exits.
/// </summary>
public sealed class ShutdownOptions
{
    public const string SectionName = "Hosting";

    /// <summary>
    /// Seconds to let in-flight requests finish. Keep it below the orchestrator's kill deadline
    /// (Kubernetes terminationGracePeriodSeconds defaults to 30).
    /// </summary>
    public int ShutdownTimeoutSeconds { get; set; } = 25;
}

public sealed class ShutdownOptionsValidator : IValidateOptions<ShutdownOptions>
{
    public ValidateOptionsResult Validate(string? name, ShutdownOptions options) =>
        options.ShutdownTimeoutSeconds is < 1 or > 600
            ? ValidateOptionsResult.Fail($"AUTH_SHUTDOWN_TIMEOUT (Hosting:ShutdownTimeoutSeconds) must be between 1 and 600 seconds (got {options.ShutdownTimeoutSeconds}).")
            : ValidateOptionsResult.Success;
}
