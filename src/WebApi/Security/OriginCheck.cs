using AuthPlatform.Application.Common.Results;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// CSRF defence for cookie sessions, BetterAuth's rules with its codes:
/// - a state-changing request (POST/PUT/PATCH/DELETE) that carries a session cookie the credential reader
///   would accept (under its current name, or BetterAuth's old name while the migration setting is on) must
///   name a trusted Origin (or Referer): missing or "null" is 403 MISSING_OR_NULL_ORIGIN, another origin
///   403 INVALID_ORIGIN;
/// - routes declared <see cref="OriginRule.Login"/> (sign-in and sign-up, which need no cookie, so login CSRF
///   is the risk) refuse cross-site top-level navigations (403 CROSS_SITE_NAVIGATION_LOGIN_BLOCKED) and check
///   the origin whenever a browser sent one.
/// Requests with only a bearer token carry no ambient authority and pass, and so do routes declared
/// <see cref="OriginRule.NotStateChanging"/>. The rule is the route's metadata
/// (<see cref="AuthRouteRules"/>); no path is matched here.
/// </summary>
public sealed class OriginCheck(RequestDelegate next, TrustedOrigins trusted, CredentialReader credentials, ILogger<OriginCheck> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!IsStateChanging(request.Method) || AuthRouteRules.Of(context).Origin == OriginRule.NotStateChanging)
        {
            return next(context);
        }

        var verdict = credentials.CarriesSessionCookie(request)
            ? CheckCookieRequest(request)
            : AuthRouteRules.Of(context).Origin == OriginRule.Login ? CheckLoginRequest(request) : null;
        if (verdict is not { } refusal)
        {
            return next(context);
        }

        OriginLog.Refused(logger, refusal.Code, AuthRouteRules.LoggedPath(context), Truncate(TrustedOrigins.ClaimedOrigin(request)));
        return ProblemWriter.WriteAsync(context, refusal);
    }

    private Error? CheckCookieRequest(HttpRequest request)
    {
        var origin = TrustedOrigins.ClaimedOrigin(request);
        if (origin is null or "null")
        {
            return HttpErrors.MissingOrNullOrigin;
        }

        return trusted.IsTrusted(origin) ? null : HttpErrors.InvalidOrigin;
    }

    private Error? CheckLoginRequest(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var mode = request.Headers["Sec-Fetch-Mode"].ToString();
        if (site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) && mode.Equals("navigate", StringComparison.OrdinalIgnoreCase))
        {
            return HttpErrors.CrossSiteNavigationLoginBlocked;
        }

        var origin = TrustedOrigins.ClaimedOrigin(request);
        if (origin is null)
        {
            // No browser headers at all (curl, a server) or a same-origin browser request: nothing to check.
            return site.Length == 0 || site.Equals("same-origin", StringComparison.OrdinalIgnoreCase) || site.Equals("none", StringComparison.OrdinalIgnoreCase)
                ? null
                : HttpErrors.MissingOrNullOrigin;
        }

        return origin == "null" ? HttpErrors.MissingOrNullOrigin
            : trusted.IsTrusted(origin) ? null
            : HttpErrors.InvalidOrigin;
    }

    private static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    private static string Truncate(string? value) =>
        value is null ? "(none)" : value.Length <= 100 ? value : value[..100] + "...";
}

internal static partial class OriginLog
{
    [LoggerMessage(EventId = 4031, Level = LogLevel.Warning, Message = "Request refused by the origin check: {Code} on {RequestPath} (origin {ClaimedOrigin})")]
    public static partial void Refused(ILogger logger, string code, string requestPath, string claimedOrigin);
}
