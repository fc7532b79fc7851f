using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Cleanup;

public sealed class CleanupOptionsValidator : IValidateOptions<CleanupOptions>
{
    public ValidateOptionsResult Validate(string? name, CleanupOptions options)
    {
        var problems = new List<string>();
        if (options.Interval < TimeSpan.FromSeconds(1))
        {
            problems.Add($"Auth:Cleanup:Interval must be at least 1 second (it is {options.Interval}).");
        }

        if (options.BatchSize is < 1 or > 100_000)
        {
            problems.Add($"Auth:Cleanup:BatchSize must be between 1 and 100000 (it is {options.BatchSize}).");
        }

        if (options.MaxBatchesPerRun < 1)
        {
            problems.Add($"Auth:Cleanup:MaxBatchesPerRun must be at least 1 (it is {options.MaxBatchesPerRun}).");
        }

        if (options.AuditRetention < TimeSpan.FromDays(1))
        {
            problems.Add($"Auth:Cleanup:AuditRetention must be at least a day (it is {options.AuditRetention}): the audit trail is evidence.");
        }

        if (options.SessionRetention < TimeSpan.Zero)
        {
            problems.Add($"Auth:Cleanup:SessionRetention must not be negative (it is {options.SessionRetention}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
