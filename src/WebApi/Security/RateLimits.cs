using System.Globalization;
using System.Threading.RateLimiting;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// The built-in ASP.NET Core rate limiter, partitioned by client address and route: a fixed window per
/// (address, route), as BetterAuth counts. Which limit a route gets is its declared
/// <see cref="RateLimitClass"/> (<see cref="AuthRouteRules"/>); routes outside [AuthApi] controllers (health,
/// well-known documents, the API document) are not limited; requests that matched no route share one window per address. Refusals are 429 problem+json TOO_MANY_REQUESTS with
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
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, ILoggerFactory>((limiter, limits, loggers) =>
        {
            var logger = loggers.CreateLogger(typeof(RateLimits).FullName!);
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context => Partition(context, limits.Value));
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

    private static RateLimitPartition<string> Partition(HttpContext context, RateLimitOptions limits)
    {
        var rules = AuthRouteRules.Of(context);
        if (!rules.IsAuthRoute || HttpMethods.IsOptions(context.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var credential = rules.RateLimit == RateLimitClass.Credential;
        var mail = rules.RateLimit == RateLimitClass.Mail;
        var key = ClientAddress.KeyOf(context.Connection.RemoteIpAddress) + "|" + rules.RouteKey;
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
        await ProblemWriter.WriteAsync(context, HttpErrors.TooManyRequests(seconds));
    }

    [LoggerMessage(EventId = 4290, Level = LogLevel.Warning, Message = "Rate limit reached on {RequestPath} for client {ClientAddress}; retry after {RetryAfterSeconds} s")]
    private static partial void Refused(ILogger logger, string requestPath, string clientAddress, int retryAfterSeconds);
}
