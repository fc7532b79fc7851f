using Npgsql;

namespace AuthPlatform.Infrastructure.Persistence;

/// <summary>
/// Reads DATABASE_URL in either form hosting providers hand out: a postgres:// URI (Neon, Vercel,
/// Heroku style) or an Npgsql keyword string. Error messages never repeat the password.
/// </summary>
public static class DatabaseUrl
{
    private static readonly Dictionary<string, string> UriParameters = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sslmode"] = "SSL Mode",
        ["channel_binding"] = "Channel Binding",
        ["connect_timeout"] = "Timeout",
        ["application_name"] = "Application Name",
        ["options"] = "Options",
        ["target_session_attrs"] = "Target Session Attributes",
        ["sslrootcert"] = "Root Certificate",
        ["host"] = "Host",
        ["port"] = "Port",
        ["user"] = "Username",
        ["password"] = "Password",
        ["dbname"] = "Database",
    };

    /// <summary>Parameters some providers add that mean nothing to Npgsql and are safe to skip.</summary>
    private static readonly HashSet<string> IgnoredUriParameters = new(StringComparer.OrdinalIgnoreCase) { "pgbouncer", "schema" };

    public static bool TryParse(string? text, out NpgsqlConnectionStringBuilder builder, out string problem)
    {
        builder = new NpgsqlConnectionStringBuilder();
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = "DATABASE_URL is missing: set it to a postgres:// URI (postgres://user:password@host:5432/database) or an Npgsql connection string.";
            return false;
        }

        text = text.Trim();
        return text.Contains("://", StringComparison.Ordinal)
            ? TryParseUri(text, builder, out problem)
            : TryParseKeywords(text, ref builder, out problem);
    }

    private static bool TryParseUri(string text, NpgsqlConnectionStringBuilder builder, out string problem)
    {
        problem = string.Empty;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("postgres" or "postgresql"))
        {
            problem = "DATABASE_URL is not a valid postgres:// URI: expected postgres://user:password@host:5432/database.";
            return false;
        }

        if (!string.IsNullOrEmpty(uri.Host))
        {
            builder.Host = uri.Host;
        }

        if (uri.Port > 0)
        {
            builder.Port = uri.Port;
        }

        var userInfo = uri.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        var unknown = new List<string>();
        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(parts[0]);
            var value = parts.Length == 2 ? Uri.UnescapeDataString(parts[1].Replace('+', ' ')) : string.Empty;
            if (IgnoredUriParameters.Contains(key))
            {
                continue;
            }

            if (!UriParameters.TryGetValue(key, out var keyword))
            {
                unknown.Add(key);
                continue;
            }

            try
            {
                builder[keyword] = NormalizeValue(key, value);
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException)
            {
                problem = $"DATABASE_URL parameter '{key}' has an invalid value.";
                return false;
            }
        }

        if (unknown.Count > 0)
        {
            problem = $"DATABASE_URL has parameters this service does not understand: {string.Join(", ", unknown)}.";
            return false;
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            problem = "DATABASE_URL names no host.";
            return false;
        }

        return true;
    }

    private static bool TryParseKeywords(string text, ref NpgsqlConnectionStringBuilder builder, out string problem)
    {
        problem = string.Empty;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(text);
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or KeyNotFoundException)
        {
            // The framework's message may quote the string (and its password); give a generic one.
            problem = "DATABASE_URL is neither a postgres:// URI nor a valid Npgsql connection string (Host=...;Database=...;Username=...).";
            return false;
        }

        if (string.IsNullOrEmpty(builder.Host))
        {
            problem = "DATABASE_URL names no host (Host=...).";
            return false;
        }

        return true;
    }

    /// <summary>libpq spells SSL modes in kebab case (verify-full); Npgsql wants VerifyFull.</summary>
    private static string NormalizeValue(string key, string value) =>
        key.Equals("sslmode", StringComparison.OrdinalIgnoreCase) || key.Equals("channel_binding", StringComparison.OrdinalIgnoreCase)
            ? string.Concat(value.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]))
            : value;
}
