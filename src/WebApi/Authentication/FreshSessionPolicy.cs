using AuthPlatform.Application.Common.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>
/// <c>[Authorize(Policy = FreshSessionPolicy.Name)]</c>: a live session created less than Auth:Session:FreshAge
/// ago (<see cref="SessionFreshness"/>), else 403 SESSION_NOT_FRESH from the session scheme. For routes where
/// every call is sensitive; a use case whose need depends on the request body checks
/// <see cref="SessionFreshness.IsFresh"/> itself (revoke-session: only for another session).
/// </summary>
public static class FreshSessionPolicy
{
    public const string Name = "FreshSession";

    public static AuthorizationBuilder AddFreshSessionPolicy(this AuthorizationBuilder authorization)
    {
        authorization.Services.AddSingleton<IAuthorizationHandler, Handler>();
        return authorization.AddPolicy(Name, policy => policy.RequireAuthenticatedUser().AddRequirements(new Requirement()));
    }

    private sealed class Requirement : IAuthorizationRequirement;

    private sealed class Handler(TimeProvider clock, IOptions<AuthPlatform.Application.Common.Options.SessionOptions> options) : AuthorizationHandler<Requirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Requirement requirement)
        {
            if (context.Resource is HttpContext http && http.SessionAuthentication().Session is { } current
                && SessionFreshness.IsFresh(current.Session.CreatedAt, clock.GetUtcNow(), options.Value))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }
}
