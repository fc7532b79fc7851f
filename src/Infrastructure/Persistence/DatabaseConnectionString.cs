using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>Builds the effective Npgsql connection string: the URL's parameters, then our defaults for the rest.</summary>
public static class DatabaseConnectionString
{
    public static string Build(DatabaseOptions options)
    {
        if (!DatabaseUrl.TryParse(options.Url, out var builder, out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var given = new HashSet<string>(builder.Keys.Cast<string>(), StringComparer.OrdinalIgnoreCase);
        void Default(string keyword, object value)
        {
            if (!given.Contains(keyword))
            {
                builder[keyword] = value;
            }
        }

        Default("Maximum Pool Size", options.MaxPoolSize);
        Default("Minimum Pool Size", options.MinPoolSize);
        Default("Timeout", options.ConnectionTimeoutSeconds);
        Default("Command Timeout", options.CommandTimeoutSeconds);
        Default("Connection Idle Lifetime", options.ConnectionIdleLifetimeSeconds);
        Default("Connection Lifetime", options.ConnectionLifetimeSeconds);
        Default("Application Name", "authplatform");
        if (options.Pooler)
        {
            // Transaction-mode poolers hand each transaction to any server connection: prepared
            // statements and session state do not survive, so Npgsql must not rely on them.
            Default("Max Auto Prepare", 0);
            Default("No Reset On Close", true);
        }
        else
        {
            // A direct connection keeps its prepared statements: the few statements of the hot paths are
            // parsed and planned once per connection instead of once per request. The service sets no
            // session state, so the reset on each return to the pool is pure overhead.
            Default("Max Auto Prepare", 20);
            Default("No Reset On Close", true);
        }

        return builder.ConnectionString;
    }

    /// <summary>host:port/database, for logs (never user or password).</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}/{builder.Database}";
    }
}
