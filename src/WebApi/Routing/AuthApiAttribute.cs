namespace AuthPlatform.WebApi.Routing;

/// <summary>
/// Marks a controller whose routes live under the configured base path (default /api/auth): the
/// base path is added by <see cref="AuthBasePathConvention"/>, and the attribute stays on every action's
/// endpoint as metadata, so <see cref="AuthRouteRules"/> knows the route is an auth route (no-store,
/// rate-limited). What one route needs beyond that is declared beside it with <see cref="AuthRouteAttribute"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class AuthApiAttribute : Attribute;
