using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Application.Social.HandleSocialCallback;
using AuthPlatform.Application.Social.SignInSocial;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Contracts;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.OpenApi;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>
/// Sign-in with an identity provider (BetterAuth's social routes): POST /sign-in/social answers the
/// provider's authorization URL and binds the flow to this browser with the state cookie; the provider
/// sends the browser back to GET|POST /callback/{provider}, which ends in a redirect to the callback URL
/// (with the session cookie) or to the error callback with ?error=&lt;code&gt;. GET /social-providers lists
/// the configured providers for sign-in buttons.
/// </summary>
[ApiController]
[AuthApi]
public sealed class SocialController(
    ISender sender,
    IIdentityProviders providers,
    IServiceUrls urls,
    IOptions<AuthOptions> auth) : ControllerBase
{
    [EndpointSummary("Starts signing in with an identity provider: its authorization URL")]
    [ProducesResponseType<SocialRedirectResponse>(StatusCodes.Status200OK)]
    [ProducesProblem(StatusCodes.Status400BadRequest)]
    [ProducesProblem(StatusCodes.Status403Forbidden)]
    [ProducesProblem(StatusCodes.Status404NotFound)]
    [HttpPost("sign-in/social")]
    [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login)]
    public async Task<IActionResult> SignInSocial([FromBody] SignInSocialRequest request, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new SignInSocialCommand(
                request.Provider,
                new SocialRedirects(request.CallbackURL, request.ErrorCallbackURL, request.NewUserCallbackURL),
                request.Scopes,
                request.LoginHint,
                HasIdToken: request.IdToken is { ValueKind: not System.Text.Json.JsonValueKind.Null and not System.Text.Json.JsonValueKind.Undefined }),
            cancellationToken);
        return result.IsSuccess ? this.ProviderRedirect(result.Value, request.DisableRedirect ?? false) : ProblemWriter.Result(HttpContext, result.Error!);
    }

    [EndpointSummary("The identity provider sends the browser back here; ends in a redirect")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [HttpGet("callback/{providerId}")]
    [AuthRoute(Reads = FlowCookie.OAuthState)]
    public async Task<IActionResult> Callback(
        string providerId, [FromQuery] string? code, [FromQuery] string? state, [FromQuery] string? error, [FromQuery] string? iss, CancellationToken cancellationToken)
    {
        var result = await sender.Send(
            new HandleSocialCallbackCommand(providerId, code, state, error, iss, HttpContext.FlowCookie(FlowCookie.OAuthState), RequestContext.ClientOf(HttpContext)),
            cancellationToken);
        if (!result.IsSuccess)
        {
            // Only a malformed request fails validation; it still ends at the error page, never as JSON.
            return new CookieResult(Redirect(ErrorPage(SocialErrors.InvalidCallbackRequest))).Expire(FlowCookie.OAuthState);
        }

        return this.SignedInRedirect(result.Value.SignedIn, result.Value.RedirectTo).Expire(FlowCookie.OAuthState);
    }

    /// <summary>form_post providers: the body's parameters go on to the GET route, so that SameSite=Lax cookies come along.</summary>
    [EndpointSummary("form_post variant of the callback: redirects to the GET callback")]
    [ProducesResponseType(StatusCodes.Status302Found)]
    [HttpPost("callback/{providerId}")]
    [AuthRoute(Body = BodyRule.JsonOrForm, Origin = OriginRule.NotStateChanging)]
    public async Task<IActionResult> CallbackPost(string providerId)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in Request.Query)
        {
            parameters[key] = value.ToString();
        }

        if (Request.HasFormContentType)
        {
            var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
            foreach (var key in new[] { "code", "state", "error", "iss" })
            {
                if (form.TryGetValue(key, out var value))
                {
                    parameters[key] = value.ToString();
                }
            }
        }

        var query = string.Join('&', parameters.Where(p => p.Key is "code" or "state" or "error" or "iss")
            .Select(p => Uri.EscapeDataString(p.Key) + "=" + Uri.EscapeDataString(p.Value)));
        return Redirect($"{Request.PathBase}{Request.Path}{(query.Length == 0 ? string.Empty : "?" + query)}");
    }

    /// <summary>Where a failed social sign-in ends when the caller named no errorCallbackURL.</summary>
    [EndpointSummary("The default error page of social sign-in")]
    [ProducesResponseType<string>(StatusCodes.Status200OK, "text/plain")]
    [HttpGet("error")]
    public IActionResult Error([FromQuery] string? error)
    {
        var code = error is { Length: > 0 and <= 64 } && error.All(c => c is (>= 'a' and <= 'z') or '_' or (>= 'A' and <= 'Z')) ? error : "unknown_error";
        return new ContentResult
        {
            StatusCode = StatusCodes.Status200OK,
            ContentType = "text/plain; charset=utf-8",
            Content = $"Sign-in failed: {code}",
        };
    }

    [EndpointSummary("The configured identity providers, for sign-in buttons")]
    [ProducesResponseType<IReadOnlyList<SocialProviderResponse>>(StatusCodes.Status200OK)]
    [HttpGet("social-providers")]
    public IActionResult Providers() =>
        Ok(providers.Configured.Select(p => new SocialProviderResponse(p.Id, p.Name)).ToList());

    private string ErrorPage(string code) => RedirectTargets.WithParameter(urls.ErrorPage(), auth.Value, "error", code);
}
