using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>How the request's credential resolved.</summary>
public enum SessionOutcome
{
    /// <summary>The route reads no session (no [Authorize], no <c>AuthRoute.Session</c>).</summary>
    NotRead,

    NoCredential,

    /// <summary>Not a token of ours (garbage, bad signature).</summary>
    Malformed,

    /// <summary>A well-formed token; the route did not ask the store (<c>SessionUse.Credential</c>).</summary>
    Presented,

    /// <summary>Well-formed, but the store says the session is over (expired, revoked, unknown, user disabled).</summary>
    Ended,

    Live,
}

/// <summary>
/// What the session authentication handler found, kept on the request (HttpContext.Features) for the
/// controller: <see cref="SessionHttpContextExtensions.CurrentSession"/> and friends read it.
/// </summary>
public sealed record SessionAuthenticationResult(SessionOutcome Outcome, PresentedCredential Credential, CurrentSession? Session = null)
{
    public static readonly SessionAuthenticationResult NotRead = new(SessionOutcome.NotRead, default);

    /// <summary>The session came from the cookie cache, not from the store: nothing may be issued from it (no set-auth-jwt).</summary>
    public bool FromCookieCache { get; init; }

    /// <summary>The well-formed token the request presented, whether or not its session is live.</summary>
    public SessionToken? Token => Credential.Token;
}
