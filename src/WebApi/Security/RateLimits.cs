using System.Globalization;
using System.Threading.RateLimiting;
using AuthPlatform.Application.Common.Limits;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The ASP.NET Core rate limiter with a fixed window per (client address, route), as BetterAuth counts.
/// Which limit a route gets is its declared <see cref="RateLimitClass"/> (<see cref="AuthRouteRules"/>);
/// routes outside [AuthApi] controllers (well-known documents, the API document) are not limited, except
/// /health/ready; requests that matched no route share one window per address. Refusals are 429
/// problem+json TOO_MANY_REQUESTS with Retry-After (and BetterAuth's X-Retry-After).
/// Counting is in Application's stores (<see cref="StoreRateLimiter"/>): the credential and mail classes in
/// PostgreSQL, shared by every instance; every other route per instance in memory, or shared through Redis
/// (REDIS_URL). The per-account backoff is Infrastructure/Security/FailedSignInThrottle.cs.
/// </summary>
public static partial class RateLimits
{
    public static IServiceCollection AddAuthRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(_ => { }); // the limiter's services; its options are configured below, from validated settings
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory, RequestLimiter>((limiter, limits, loggers, counter) =>
        {
            var logger = loggers.CreateLogger(typeof(RateLimits).FullName!);
            limiter.GlobalLimiter = new StoreRateLimiter(context => Classify(context, limits.Value), counter);
            limiter.OnRejected = (rejection, cancellationToken) =>
            {
                AuthMetrics.RequestRefused(AuthRouteRules.Of(rejection.HttpContext).RateLimit switch
                {
                    RateLimitClass.Credential => AuthMetrics.Limit.CredentialRate,
                    RateLimitClass.Mail => AuthMetrics.Limit.MailRate,
                    _ => AuthMetrics.Limit.RequestRate,
                });
                return RejectAsync(rejection, logger, cancellationToken);
            };
        });
        return services;
    }

    /// <summary>Readiness is limited like any route: it runs database queries, so it must not be a free amplifier.</summary>
    private static readonly PathString ReadinessPath = "/health/ready";

    private static RequestLimit? Classify(HttpContext context, RateLimitOptions limits)
    {
        if (HttpMethods.IsOptions(context.Request.Method))
        {
            return null;
        }

        var address = ClientAddress.KeyOf(context.Connection.RemoteIpAddress);
        if (context.Request.Path.Equals(ReadinessPath, StringComparison.OrdinalIgnoreCase))
        {
            return new RequestLimit(RequestLimitScope.Address, address + "|" + ReadinessPath, limits.PermitLimit, limits.Window);
        }

        var rules = AuthRouteRules.Of(context);
        if (!rules.IsAuthRoute)
        {
            return null;
        }

        var key = address + "|" + rules.RouteKey;
        return rules.RateLimit switch
        {
            RateLimitClass.Credential => new RequestLimit(RequestLimitScope.Credential, key, limits.CredentialPermitLimit, limits.CredentialWindow),
            RateLimitClass.Mail => new RequestLimit(RequestLimitScope.Credential, key, limits.MailPermitLimit, limits.MailWindow),
            _ => new RequestLimit(RequestLimitScope.Address, key, limits.PermitLimit, limits.Window),
        };
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejection, ILogger logger, CancellationToken cancellationToken)
    {
        var context = rejection.HttpContext;
        var seconds = rejection.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds))
            : 1;
        context.Response.Headers["X-Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
        Refused(logger, AuthRouteRules.LoggedPath(context), ClientAddress.KeyOf(context.Connection.RemoteIpAddress), seconds);
        cancellationToken.ThrowIfCancellationRequested();
        await ProblemWriter.WriteAsync(context, HttpErrors.TooManyRequests(seconds));
    }

    [LoggerMessage(EventId = 4290, Level = LogLevel.Warning, Message = "Rate limit reached on {RequestPath} for client {ClientAddress}; retry after {RetryAfterSeconds} s")]
    private static partial void Refused(ILogger logger, string requestPath, string clientAddress, int retryAfterSeconds);
}
