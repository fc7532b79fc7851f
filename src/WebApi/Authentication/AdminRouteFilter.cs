using AuthPlatform.Application.Admin;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>
/// The one gate of administration routes: a route declares its permission (<c>[AuthRoute(Admin = ...)]</c>) and
/// this filter refuses a caller who is no administrator with that permission's 403 before the use case runs,
/// so no handler of another user's data is reached by a non-administrator. [Authorize] has already required a live session.
/// </summary>
public sealed class AdminRouteFilter(AdminAuthorization authorization) : IAsyncActionFilter
{
    public async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        var permission = AuthRouteRules.Of(context.HttpContext).Admin;
        if (permission == AdminAction.None)
        {
            await next();
            return;
        }

        var current = context.HttpContext.SessionAuthentication().Session;
        var refusal = current is null
            ? AdminStatements.RefusalOf(permission)
            : await authorization.RefusalAsync(current.User.Id, permission, context.HttpContext.RequestAborted);
        if (refusal is not null)
        {
            context.Result = ProblemWriter.Result(context.HttpContext, refusal);
            return;
        }

        await next();
    }
}
