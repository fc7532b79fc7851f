using System.Runtime.CompilerServices;
using AuthPlatform.Application.Admin;
using AuthPlatform.WebApi.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing.Patterns;

namespace AuthPlatform.WebApi.Routing;

/// <summary>
/// The rules of the route a request was routed to, read from its endpoint metadata (routing runs first in
/// the pipeline): [AuthApi] on the controller, <see cref="AuthRouteAttribute"/> and [Authorize] beside the
/// route. Worked out once per endpoint. A request that matched no route (404, 405) gets the defaults of an
/// auth route: limited and never cached, but it reads no session and hashes nothing.
/// </summary>
/// <param name="RedactedPath">For a route with a <see cref="AuthRouteAttribute.SecretParameter"/>: its path with the secret replaced by ***.</param>
public sealed record AuthRouteRules(bool IsAuthRoute, RateLimitClass RateLimit, OriginRule Origin, bool HashesPasswords, SessionUse Session, BodyRule Body, string RouteKey, FlowCookie Reads = FlowCookie.None, SensitiveProof Needs = SensitiveProof.None, string? RedactedPath = null, bool AcceptsApiKey = false, AdminAction Admin = AdminAction.None)
{
    private static readonly AuthRouteAttribute Defaults = new();
    private static readonly AuthRouteRules Unmatched = new(true, Defaults.RateLimit, Defaults.Origin, false, SessionUse.None, BodyRule.Json, "(unmatched)");
    private static readonly ConditionalWeakTable<Endpoint, AuthRouteRules> ByEndpoint = [];

    public static AuthRouteRules Of(HttpContext context) =>
        context.GetEndpoint() is RouteEndpoint endpoint ? ByEndpoint.GetValue(endpoint, static e => Read((RouteEndpoint)e)) : Unmatched;

    /// <summary>
    /// The request's path as logs and traces may show it: the path, except on a route that carries a secret
    /// in it, where the secret is replaced by ***. Every log line and span attribute that names a path takes it from here.
    /// </summary>
    public static string LoggedPath(HttpContext context) =>
        Of(context).RedactedPath is { } redacted ? context.Request.PathBase + redacted : context.Request.PathBase + context.Request.Path;

    private static AuthRouteRules Read(RouteEndpoint endpoint)
    {
        var metadata = endpoint.Metadata;
        var route = metadata.GetMetadata<AuthRouteAttribute>() ?? Defaults;
        var session = route.Session;
        if (session == SessionUse.None && metadata.GetMetadata<IAuthorizeData>() is not null && metadata.GetMetadata<IAllowAnonymous>() is null)
        {
            session = SessionUse.Lookup; // [Authorize]: a live session from the store, never the cookie cache
        }

        return new AuthRouteRules(
            metadata.GetMetadata<AuthApiAttribute>() is not null, route.RateLimit, route.Origin, route.HashesPasswords, session, route.Body,
            endpoint.RoutePattern.RawText ?? endpoint.DisplayName ?? string.Empty, route.Reads, route.Needs,
            route.SecretParameter is { } secret ? Redact(endpoint.RoutePattern, secret) : null, route.AcceptsApiKey && session != SessionUse.None, route.Admin);
    }

    /// <summary>The route's pattern as a path, literal segments kept, the secret parameter as *** (other parameters as {name}).</summary>
    private static string Redact(RoutePattern pattern, string secret) =>
        "/" + string.Join('/', pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter when parameter.Name == secret => "***",
            RoutePatternParameterPart parameter => "{" + parameter.Name + "}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => string.Empty,
        }))));
}
