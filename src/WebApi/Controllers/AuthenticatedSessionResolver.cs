using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.WebApi.Cookies;
using AuthPlatform.WebApi.Http;
using Mediator;
using Microsoft.AspNetCore.Mvc;

namespace AuthPlatform.WebApi.Controllers;

/// <summary>How a request's credential resolved.</summary>
public enum SessionResolutionOutcome
{
    Live,
    NoCredential,

    /// <summary>Not a token of ours (garbage, bad signature): 401 on every route.</summary>
    Malformed,

    /// <summary>Well-formed, but the store says the session is over (expired, revoked, unknown, user disabled).</summary>
    Ended,
}

/// <summary>Whether a resolution may answer from, or refresh, the cookie cache (<see cref="SessionDataCookie"/>).</summary>
public enum CookieCacheUse
{
    /// <summary>Read the store and leave the cache cookie alone: every route but get-session.</summary>
    Bypass,

    /// <summary>Answer from a valid cache cookie; on a miss read the store and re-issue the cookie: get-session.</summary>
    Use,

    /// <summary>Read the store and re-issue the cookie: get-session?disableCookieCache=true.</summary>
    Refresh,
}

/// <summary>The outcome, the live session when there is one, and the problem to answer when there is not.</summary>
public sealed record SessionResolution(SessionResolutionOutcome Outcome, CurrentSession? Current, SessionToken? Token, IActionResult? Problem);

/// <summary>
/// Resolves the request's cookie or bearer credential to a live session by reading the store, for
/// get-session and for every route that needs a session. Side effects happen here, once: a refreshed
/// session, or one whose cookie was signed under a previous secret, re-sends its cookie; a session the
/// store reported as over, or a malformed cookie, expires the cookie; every rejection is logged with its reason. A store failure is an exception (503) and
/// never touches the cookie.
/// </summary>
public sealed class AuthenticatedSessionResolver(ISender sender, SessionCookies cookies, SessionDataCookie sessionData, CredentialReader credentials, ILogger<AuthenticatedSessionResolver> logger)
{
    /// <summary>get-session semantics: no session is an answer (JSON null), not an error.</summary>
    public Task<SessionResolution> ResolveAsync(HttpContext context, bool disableRefresh, CancellationToken cancellationToken) =>
        ResolveAsync(context, disableRefresh, CookieCacheUse.Bypass, cancellationToken);

    /// <summary>
    /// As above; with <see cref="CookieCacheUse.Use"/> a cookie credential with a valid cache cookie is
    /// answered from the cookie, without the store (and so without a sliding refresh: the cache max-age is
    /// far shorter than the update age, so the next store read still slides the session).
    /// </summary>
    public async Task<SessionResolution> ResolveAsync(HttpContext context, bool disableRefresh, CookieCacheUse cookieCache, CancellationToken cancellationToken)
    {
        var credential = credentials.Read(context.Request);
        if (credential.Token is not { } token)
        {
            return credential.IsPresent
                ? new SessionResolution(SessionResolutionOutcome.Malformed, null, null, RejectMalformed(context, credential))
                : new SessionResolution(SessionResolutionOutcome.NoCredential, null, null, null);
        }

        var cacheable = cookieCache != CookieCacheUse.Bypass && sessionData.Enabled && credential.Source == PresentedCredential.CookieSource;
        if (cacheable && cookieCache == CookieCacheUse.Use && sessionData.TryRead(context.Request, token, out var cached))
        {
            return new SessionResolution(SessionResolutionOutcome.Live, cached, token, null);
        }

        var result = await sender.Send(new GetSessionQuery(token, disableRefresh, credential.Source), cancellationToken);
        if (!result.IsSuccess)
        {
            return new SessionResolution(SessionResolutionOutcome.Malformed, null, token, ProblemWriter.Result(context, result.Error!));
        }

        var lookup = result.Value;
        if (lookup.Current is not { } current)
        {
            // The store answered: this session is over. Clear the cookie so the browser stops sending it.
            if (credential.Source == PresentedCredential.CookieSource)
            {
                cookies.Expire(context.Response);
            }

            return new SessionResolution(SessionResolutionOutcome.Ended, null, token, null);
        }

        // A refresh re-sends the cookie; so does a value signed under a previous secret, now re-signed with
        // the current one, so that the previous secret can be dropped without signing anyone out.
        if (lookup.Refreshed || credential.SignedWithPreviousSecret)
        {
            cookies.Write(context.Response, token, current.Session.ExpiresAt, current.RememberMe);
        }

        if (cacheable)
        {
            sessionData.Write(context.Response, token, current);
        }

        return new SessionResolution(SessionResolutionOutcome.Live, current, token, null);
    }

    /// <summary>Routes that need a session: anything but a live one is 401 UNAUTHORIZED, with the reason logged.</summary>
    public async Task<SessionResolution> RequireAsync(HttpContext context, CancellationToken cancellationToken)
    {
        var resolution = await ResolveAsync(context, disableRefresh: false, cancellationToken);
        switch (resolution.Outcome)
        {
            case SessionResolutionOutcome.Live:
            case SessionResolutionOutcome.Malformed:
                return resolution;
            case SessionResolutionOutcome.NoCredential:
                CredentialRejectionLog.Log(logger, CredentialRejection.NoCredential, PresentedCredential.NoneSource);
                context.Response.Headers.WWWAuthenticate = "Bearer";
                break;
            case SessionResolutionOutcome.Ended when context.Request.Headers.Authorization.Count > 0:
                // RFC 6750 section 3.1: an expired or revoked bearer token is an invalid_token.
                context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
                break;
        }

        // Ended sessions were logged with their reason by the lookup itself.
        return resolution with { Problem = ProblemWriter.Result(context, Errors.Unauthorized) };
    }

    private IActionResult RejectMalformed(HttpContext context, PresentedCredential credential)
    {
        CredentialRejectionLog.Log(logger, credential.Rejection!.Value, credential.Source);
        if (credential.Source == PresentedCredential.CookieSource)
        {
            cookies.Expire(context.Response);
        }
        else
        {
            context.Response.Headers.WWWAuthenticate = "Bearer error=\"invalid_token\"";
        }

        return ProblemWriter.Result(context, new Error(ErrorKind.Unauthorized, "INVALID_TOKEN", credential.Detail ?? "The session token is malformed."));
    }
}
