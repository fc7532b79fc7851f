using System.Globalization;
using StackExchange.Redis;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>Turns REDIS_URL (redis://, rediss:// or a StackExchange.Redis configuration string) into client options.</summary>
public static class RedisUrl
{
    /// <summary>Null and a reason when the value cannot be used; the reason never repeats a password.</summary>
    public static ConfigurationOptions? TryParse(string value, out string? problem)
    {
        problem = null;
        try
        {
            if (!value.Contains("://", StringComparison.Ordinal))
            {
                return ConfigurationOptions.Parse(value);
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("redis" or "rediss") || string.IsNullOrEmpty(uri.Host))
            {
                problem = "Redis:Url must be redis://host:port, rediss://host:port or a StackExchange.Redis configuration string.";
                return null;
            }

            var options = new ConfigurationOptions { Ssl = uri.Scheme == "rediss" };
            options.EndPoints.Add(uri.Host, uri.IsDefaultPort || uri.Port < 0 ? 6379 : uri.Port);
            if (uri.UserInfo is { Length: > 0 } userInfo)
            {
                var parts = userInfo.Split(':', 2);
                if (parts.Length == 2)
                {
                    options.User = parts[0].Length > 0 ? Uri.UnescapeDataString(parts[0]) : null;
                    options.Password = Uri.UnescapeDataString(parts[1]);
                }
                else
                {
                    options.Password = Uri.UnescapeDataString(parts[0]);
                }
            }

            if (uri.AbsolutePath.Trim('/') is { Length: > 0 } db)
            {
                if (!int.TryParse(db, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                {
                    problem = "Redis:Url names a database that is not a number.";
                    return null;
                }

                options.DefaultDatabase = number;
            }

            return options;
        }
        catch (ArgumentException)
        {
            problem = "Redis:Url is not a valid StackExchange.Redis configuration string.";
            return null;
        }
    }
}
