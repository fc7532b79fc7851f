using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AuthPlatform.Application.ApiKeys.AuthenticateApiKey;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.WebApi.Controllers;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>
/// The one place a request's session credential is read: the cookie (current name, or BetterAuth's old
/// one under the migration setting) or the bearer header, its signature checked under the current and
/// previous secrets (<see cref="CredentialReader"/>), the store asked when the route wants a session, the
/// cookie cache used only where the route allows it, every rejection logged with its reason code. Cookie
/// side effects happen here, once, and only for cookie credentials: a refreshed session, one signed under a
/// previous secret or presented under the old name re-sends its cookie (a bearer refresh sets no cookie); a
/// malformed cookie or one whose session the store reported over is expired. A store failure is an
/// exception (503) and never touches the cookie. What it found is kept on the request as a
/// <see cref="SessionAuthenticationResult"/>; what it reads is declared by the route (<see cref="AuthRouteRules"/>).
/// </summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    ISender sender,
    CredentialReader credentials,
    SessionCookies cookies,
    SessionDataCookie sessionData,
    FlowCookies flowCookies,
    IOptions<ApiKeyOptions> apiKeys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggerFactory, encoder)
{
    public const string SchemeName = "Session";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var rules = AuthRouteRules.Of(Context);
        if (rules.Reads != FlowCookie.None)
        {
            ReadFlowCookies(rules.Reads);
        }

        var use = rules.Session;
        if (use == SessionUse.None)
        {
            return AuthenticateResult.NoResult();
        }

        if (rules.AcceptsApiKey && Request.Headers[apiKeys.Value.Header] is [{ } apiKey])
        {
            return await AuthenticateApiKeyAsync(apiKey);
        }

        var credential = credentials.Read(Request);
        if (credential.Token is not { } token)
        {
            if (!credential.IsPresent)
            {
                return Keep(new SessionAuthenticationResult(SessionOutcome.NoCredential, credential), AuthenticateResult.NoResult());
            }

            CredentialRejectionLog.Log(Logger, credential.Rejection!.Value, credential.Source);
            if (credential.IsCookie && use != SessionUse.Credential)
            {
                cookies.Expire(Response); // the browser stops sending what can never authenticate
            }

            return Keep(new SessionAuthenticationResult(SessionOutcome.Malformed, credential), AuthenticateResult.Fail(credential.Detail ?? "Malformed credential."));
        }

        if (use == SessionUse.Credential)
        {
            return Keep(new SessionAuthenticationResult(SessionOutcome.Presented, credential), AuthenticateResult.NoResult());
        }

        // The cookie cache answers only where the route allows it, only for a current-name cookie, never on ?disableCookieCache=true.
        var cacheable = use == SessionUse.LookupOrCookieCache && sessionData.Enabled && credential.IsCookie && !credential.UnderOldName;
        if (cacheable && !QueryFlag("disableCookieCache") && sessionData.TryRead(Request, token, out var cached))
        {
            return Keep(new SessionAuthenticationResult(SessionOutcome.Live, credential, cached) { FromCookieCache = true }, Success(cached!));
        }

        var disableRefresh = use == SessionUse.LookupOrCookieCache && QueryFlag("disableRefresh");
        var result = await sender.Send(new GetSessionQuery(token, disableRefresh, credential.Source), Context.RequestAborted);
        if (!result.IsSuccess)
        {
            // The query refused the token itself (validation): as malformed as garbage.
            return Keep(new SessionAuthenticationResult(SessionOutcome.Malformed, credential), AuthenticateResult.Fail(result.Error!.Message));
        }

        if (result.Value.Current is not { } current)
        {
            // The store answered: this session is over (the lookup logged why). Clear the cookie.
            if (credential.IsCookie)
            {
                cookies.Expire(Response);
            }

            return Keep(new SessionAuthenticationResult(SessionOutcome.Ended, credential), AuthenticateResult.Fail("The session is over."));
        }

        if (credential.IsCookie)
        {
            WriteCookies(credential, token, current, result.Value.Refreshed, cacheable);
        }

        return Keep(new SessionAuthenticationResult(SessionOutcome.Live, credential, current), Success(current));
    }

    /// <summary>
    /// A program's API key, on a route that accepts one: one use counted, its owner admitted by the sign-in
    /// policy for this request. A refused key is logged with its reason and answered by the route as no session
    /// (401 on an [Authorize] route), except a spent budget, which is 429 with the key's own code.
    /// </summary>
    private async Task<AuthenticateResult> AuthenticateApiKeyAsync(string key)
    {
        var credential = new PresentedCredential(null, null, PresentedCredential.ApiKeySource);
        var result = await sender.Send(new AuthenticateApiKeyCommand(key, RequestContext.ClientOf(Context)), Context.RequestAborted);
        if (result.IsSuccess)
        {
            return Keep(new SessionAuthenticationResult(SessionOutcome.Live, credential, result.Value), Success(result.Value));
        }

        var refusal = result.Error!;
        CredentialRejectionLog.Log(Logger, RejectionOf(refusal), PresentedCredential.ApiKeySource);
        Context.Features.Set(new ApiKeyRefusal(refusal));
        return Keep(new SessionAuthenticationResult(SessionOutcome.Ended, credential), AuthenticateResult.Fail(refusal.Message));
    }

    private static CredentialRejection RejectionOf(Error refusal) =>
        refusal.Is(Errors.ApiKeys.KeyDisabled) ? CredentialRejection.ApiKeyDisabled
        : refusal.Is(Errors.ApiKeys.KeyExpired) ? CredentialRejection.ApiKeyExpired
        : refusal.Is(Errors.ApiKeys.UsageExceeded) || refusal.Is(Errors.ApiKeys.RateLimited) ? CredentialRejection.ApiKeySpent
        : refusal.Is(Errors.UserDisabled) ? CredentialRejection.UserDisabled
        : CredentialRejection.ApiKeyInvalid;

    /// <summary>401 problem+json UNAUTHORIZED for an [Authorize] route without a live session, with the RFC 6750 challenge.</summary>
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Features.Get<ApiKeyRefusal>() is { } refused)
        {
            return ProblemWriter.WriteAsync(Context, refused.Error);
        }

        var found = Context.SessionAuthentication();
        if (found.Outcome is SessionOutcome.NoCredential or SessionOutcome.NotRead)
        {
            CredentialRejectionLog.Log(Logger, CredentialRejection.NoCredential, PresentedCredential.NoneSource);
        }

        // RFC 6750 section 3.1: a malformed, expired or revoked bearer token is an invalid_token.
        Response.Headers.WWWAuthenticate = found.Credential.Source == PresentedCredential.BearerSource && found.Outcome != SessionOutcome.Live
            ? "Bearer error=\"invalid_token\""
            : "Bearer";
        return ProblemWriter.WriteAsync(Context, Errors.Unauthorized);
    }

    /// <summary>
    /// No authorization policy forbids today (sensitive actions are refused by <see cref="SensitiveActionFilter"/>);
    /// should one be added, its 403 is a problem body like every other refusal.
    /// </summary>
    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        ProblemWriter.WriteAsync(Context, SecurityErrors.SessionNotFresh);

    /// <summary>A half-finished sign-in this route continues: its declared flow cookies, signature checked.</summary>
    private void ReadFlowCookies(FlowCookie declared)
    {
        var values = new Dictionary<FlowCookie, Domain.Sessions.SessionToken>();
        foreach (var cookie in FlowCookies.All)
        {
            if ((declared & cookie) != 0 && flowCookies.Read(Request, cookie) is { } token)
            {
                values[cookie] = token;
            }
        }

        Context.Features.Set(new FlowCookieValues(declared, values));
    }

    private void WriteCookies(PresentedCredential credential, Domain.Sessions.SessionToken token, CurrentSession current, bool refreshed, bool cacheable)
    {
        // A refresh re-sends the cookie; so does a value signed under a previous secret (re-signed with the
        // current one, so the previous secret can be dropped without signing anyone out) or one presented
        // under BetterAuth's old name (re-issued under the current name, the old cookie expired).
        if (refreshed || credential.SignedWithPreviousSecret || credential.UnderOldName)
        {
            cookies.Write(Response, token, current.Session.ExpiresAt, current.RememberMe);
        }

        if (credential.UnderOldName)
        {
            cookies.ExpireOldName(Response);
        }

        if (cacheable)
        {
            sessionData.Write(Response, token, current);
        }
    }

    private AuthenticateResult Keep(SessionAuthenticationResult found, AuthenticateResult result)
    {
        Context.Features.Set(found);
        return result;
    }

    private static AuthenticateResult Success(CurrentSession current)
    {
        var identity = new ClaimsIdentity(
            [new Claim("sub", current.User.Id), new Claim("sid", current.Session.Id), new Claim("email", current.User.Email)],
            SchemeName, "sub", null);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private bool QueryFlag(string name) =>
        Request.Query.TryGetValue(name, out var value) && bool.TryParse(value.ToString(), out var flag) && flag;
}

/// <summary>Why the request's API key was refused, for the challenge's answer.</summary>
internal sealed record ApiKeyRefusal(Error Error);
