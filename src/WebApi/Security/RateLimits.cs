using System.Globalization;
using System.Threading.RateLimiting;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.WebApi.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The built-in ASP.NET Core rate limiter with a fixed window per (client address, route), as BetterAuth
/// counts. Refusals are 429 problem+json TOO_MANY_REQUESTS with Retry-After (and BetterAuth's X-Retry-After).
/// Counting is in Application's stores (<see cref="StoreRateLimiter"/>): credential routes in PostgreSQL,
/// shared by every instance; every other route, and /health/ready, per instance in memory or shared through
/// Redis (REDIS_URL). The per-account backoff is Infrastructure/Security/FailedSignInThrottle.cs.
/// </summary>
public static partial class RateLimits
{
    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { }); // the limiter's services; its options are configured below, from validated settings
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<AuthOptions>, ILoggerFactory, RequestLimiter>((limiter, limits, auth, loggers, counter) =>
        {
            var basePath = new PathString(auth.Value.BasePath);
            var logger = loggers.CreateLogger(typeof(RateLimits).FullName!);
            limiter.GlobalLimiter = new StoreRateLimiter(context => Classify(context, basePath, limits.Value), counter);
            limiter.OnRejected = (rejection, cancellationToken) => RejectAsync(rejection, logger, cancellationToken);
        });
        return services;
    }

    /// <summary>Readiness is limited like any route: it runs database queries, so it must not be a free amplifier.</summary>
    private static readonly PathString ReadinessPath = "/health/ready";

    private static RequestLimit? Classify(HttpContext context, PathString basePath, RateLimitOptions limits)
    {
        var request = context.Request;
        if (HttpMethods.IsOptions(request.Method))
        {
            return null;
        }

        var address = ClientAddress.KeyOf(context.Connection.RemoteIpAddress);
        if (request.Path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase))
        {
            return new RequestLimit(RequestLimitScope.Address, address + "|" + ReadinessPath, limits.PermitLimit, limits.Window);
        }

        if (!request.Path.StartsWithSegments(basePath, out var route))
        {
            return null;
        }

        var path = route.Value is { Length: > 1 } value ? value.TrimEnd('/').ToLowerInvariant() : "/";
        var key = address + "|" + path;
        return limits.CredentialRoutes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            ? new RequestLimit(RequestLimitScope.Credential, key, limits.CredentialPermitLimit, limits.CredentialWindow)
            : new RequestLimit(RequestLimitScope.Address, key, limits.PermitLimit, limits.Window);
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
