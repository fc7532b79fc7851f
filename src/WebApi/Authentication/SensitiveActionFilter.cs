using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>A request body that carries the current password for a sensitive action.</summary>
public interface IPasswordProof
{
    string? Password { get; }
}

/// <summary>
/// The one policy of sensitive actions: a route declares what it needs (<c>[AuthRoute(Needs = ...)]</c>), and
/// this filter refuses the request before its use case runs when the session is not fresh (403
/// SESSION_NOT_FRESH) or the body carries no password (400 INVALID_PASSWORD). The password itself is checked
/// against the hash by the use case (PasswordConfirmation), spending the per-account sign-in budget.
/// The matrix of every sensitive route is in docs/security.md ("Sensitive actions").
/// </summary>
public sealed class SensitiveActionFilter(TimeProvider clock, IOptions<AuthPlatform.Application.Common.Options.SessionOptions> sessionOptions) : IAsyncActionFilter
{
    public Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var needs = AuthRouteRules.Of(context.HttpContext).Needs;
        if (needs == SensitiveProof.None)
        {
            return next();
        }

        if (needs.HasFlag(SensitiveProof.FreshSession)
            && context.HttpContext.SessionAuthentication().Session is { } current
            && !SessionFreshness.IsFresh(current.Session.CreatedAt, clock.GetUtcNow(), sessionOptions.Value))
        {
            context.Result = ProblemWriter.Result(context.HttpContext, SecurityErrors.SessionNotFresh);
            return Task.CompletedTask;
        }

        if (needs.HasFlag(SensitiveProof.Password)
            && !context.ActionArguments.Values.OfType<IPasswordProof>().Any(body => !string.IsNullOrEmpty(body.Password)))
        {
            context.Result = ProblemWriter.Result(context.HttpContext, SecurityErrors.InvalidPassword);
            return Task.CompletedTask;
        }

        return next();
    }
}
