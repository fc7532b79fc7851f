using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Persistence;

public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var problems = new List<string>();
        if (!DatabaseUrl.TryParse(options.Url, out _, out var problem))
        {
            problems.Add(problem);
        }

        if (!string.IsNullOrWhiteSpace(options.ListenUrl) && !DatabaseUrl.TryParse(options.ListenUrl, out _, out var listenProblem))
        {
            problems.Add($"Database:ListenUrl (DATABASE_LISTEN_URL): {listenProblem}");
        }

        if (options.MaxPoolSize is < 1 or > 1000)
        {
            problems.Add($"Database:MaxPoolSize must be between 1 and 1000 (got {options.MaxPoolSize}).");
        }

        if (options.MinPoolSize < 0 || options.MinPoolSize > options.MaxPoolSize)
        {
            problems.Add("Database:MinPoolSize must be between 0 and Database:MaxPoolSize.");
        }

        if (options.ConnectionTimeoutSeconds is < 1 or > 60)
        {
            problems.Add("Database:ConnectionTimeoutSeconds must be between 1 and 60: it bounds how long a request waits for a connection.");
        }

        if (options.CommandTimeoutSeconds is < 1 or > 300)
        {
            problems.Add("Database:CommandTimeoutSeconds must be between 1 and 300.");
        }

        if (options.MaxRetryCount is < 0 or > 5)
        {
            problems.Add($"Database:MaxRetryCount must be between 0 and 5 (got {options.MaxRetryCount}): retries multiply the time a request can take.");
        }

        if (options.StartupAttempts is < 1 or > 100)
        {
            problems.Add("Database:StartupAttempts must be between 1 and 100.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
