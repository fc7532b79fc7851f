using System.Globalization;
using System.Threading.RateLimiting;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The built-in ASP.NET Core rate limiter, partitioned by client address and route: a fixed window per
/// (address, route), as BetterAuth counts. Refusals are 429 problem+json TOO_MANY_REQUESTS with
/// Retry-After (and BetterAuth's X-Retry-After). Limits live in each process; the per-account backoff,
/// which must hold across instances, is in the database (Infrastructure/Security/FailedSignInThrottle.cs).
/// </summary>
public static partial class RateLimits
{
    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { }); // the limiter's services; its options are configured below, from validated settings
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<AuthOptions>, ILoggerFactory>((limiter, limits, auth, loggers) =>
        {
            var basePath = new PathString(auth.Value.BasePath);
            var logger = loggers.CreateLogger(typeof(RateLimits).FullName!);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, basePath, limits.Value));
            limiter.OnRejected = (rejection, cancellationToken) => RejectAsync(rejection, logger, cancellationToken);
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext context, PathString basePath, RateLimitOptions limits)
    {
        var request = context.Request;
        if (!request.Path.StartsWithSegments(basePath, out var route) || HttpMethods.IsOptions(request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var path = route.Value is { Length: > 1 } value ? value.TrimEnd('/').ToLowerInvariant() : "/";
        var credential = limits.CredentialRoutes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        var mail = limits.MailRoutes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        var key = ClientAddress.KeyOf(context.Connection.RemoteIpAddress) + "|" + path;
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = mail ? limits.MailPermitLimit : credential ? limits.CredentialPermitLimit : limits.PermitLimit,
            Window = mail ? limits.MailWindow : credential ? limits.CredentialWindow : limits.Window,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejection, ILogger logger, CancellationToken cancellationToken)
    {
        var context = rejection.HttpContext;
        var seconds = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers["X-Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        Refused(logger, context.Request.Path, ClientAddress.KeyOf(context.Connection.RemoteIpAddress), seconds);
        cancellationToken.ThrowIfCancellationRequested();
        await ProblemWriter.WriteAsync(context, StatusCodes.Status429TooManyRequests, "TOO_MANY_REQUESTS",
            "Too many requests. Please try again later.", seconds);
    }

    [LoggerMessage(EventId = 4290, Level = LogLevel.Warning, Message = "Rate limit reached on {RequestPath} for client {ClientAddress}; retry after {RetryAfterSeconds} s")]
    private static partial void Refused(ILogger logger, string requestPath, string clientAddress, int retryAfterSeconds);
}
