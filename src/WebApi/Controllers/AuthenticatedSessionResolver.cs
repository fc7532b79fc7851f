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

/// <summary>The outcome, the live session when there is one, and the problem to answer when there is not.</summary>
public sealed record SessionResolution(SessionResolutionOutcome Outcome, CurrentSession? Current, SessionToken? Token, IActionResult? Problem);

/// <summary>
/// Resolves the request's cookie or bearer credential to a live session by reading the store, for
/// get-session and for every route that needs a session. Side effects happen here, once: a refreshed
/// session re-sends its cookie; a session the store reported as over, or a malformed cookie, expires the
/// cookie; every rejection is logged with its reason. A store failure is an exception (503) and
/// never touches the cookie.
/// </summary>
public sealed class AuthenticatedSessionResolver(ISender sender, SessionCookies cookies, CredentialReader credentials, ILogger<AuthenticatedSessionResolver> logger)
{
    /// <summary>get-session semantics: no session is an answer (JSON null), not an error.</summary>
    public async Task<SessionResolution> ResolveAsync(HttpContext context, bool disableRefresh, CancellationToken cancellationToken)
    {
        var credential = credentials.Read(context.Request);
        if (credential.Token is not { } token)
        {
            return credential.IsPresent
                ? new SessionResolution(SessionResolutionOutcome.Malformed, null, null, RejectMalformed(context, credential))
                : new SessionResolution(SessionResolutionOutcome.NoCredential, null, null, null);
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

        if (lookup.Refreshed)
        {
            cookies.Write(context.Response, token, current.Session.ExpiresAt, current.RememberMe);
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
