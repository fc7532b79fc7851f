using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Sessions;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// An action result with the cookie changes it carries: the only way a controller changes a cookie (an
/// architecture test keeps controllers off the cookie classes). The changes are written when the result
/// executes, before the inner result's body or redirect, all through <see cref="SignInCookieWriter"/>.
/// <code>
/// return new CookieResult(Ok(body)).SignIn(outcome);
/// return new CookieResult(Redirect(url)).Expire(FlowCookie.OAuthState);
/// </code>
/// </summary>
public sealed class CookieResult(IActionResult inner) : IActionResult
{
    private readonly List<Action<SignInCookieWriter, HttpResponse>> _changes = [];

    public IActionResult Inner => inner;

    public CookieResult SignIn(SignInOutcome? outcome)
    {
        if (outcome is not null)
        {
            _changes.Add((writer, response) => writer.Write(response, outcome));
        }

        return this;
    }

    public CookieResult SignIn(AuthenticatedSession session) => SignIn(SignInOutcome.SignedIn(session));

    public CookieResult SignOut()
    {
        _changes.Add((writer, response) => writer.SignOut(response));
        return this;
    }

    public CookieResult ExpireSessionData()
    {
        _changes.Add((writer, response) => writer.ExpireSessionData(response));
        return this;
    }

    public CookieResult Set(FlowCookie cookie, SessionToken token)
    {
        _changes.Add((writer, response) => writer.SetFlow(response, cookie, token));
        return this;
    }

    public CookieResult Expire(FlowCookie cookie)
    {
        _changes.Add((writer, response) => writer.ExpireFlow(response, cookie));
        return this;
    }

    public Task ExecuteResultAsync(ActionContext context)
    {
        var writer = context.HttpContext.RequestServices.GetRequiredService<SignInCookieWriter>();
        foreach (var change in _changes)
        {
            change(writer, context.HttpContext.Response);
        }

        return inner.ExecuteResultAsync(context);
    }
}
