using AuthPlatform.Application.Admin;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.Routing;

/// <summary>How many requests one client address may make to one route (Auth:RateLimits).</summary>
public enum RateLimitClass
{
    /// <summary>PermitLimit per Window (100 per 10 s by default).</summary>
    Standard,

    /// <summary>CredentialPermitLimit per CredentialWindow (3 per 10 s): routes that check a password.</summary>
    Credential,

    /// <summary>MailPermitLimit per MailWindow (3 per 60 s): routes that send mail.</summary>
    Mail,
}

/// <summary>What the CSRF origin check (Security/OriginCheck.cs) asks of a state-changing request.</summary>
public enum OriginRule
{
    /// <summary>A trusted Origin whenever the request carries a session cookie the service would accept.</summary>
    SessionCookie,

    /// <summary>As <see cref="SessionCookie"/>, and without a cookie too: no cross-site navigation, a trusted Origin when a browser sent one (login CSRF).</summary>
    Login,

    /// <summary>
    /// No check: a POST that changes nothing and only redirects to a GET route that does its own checks
    /// (an identity provider's form_post callback, posted cross-site by the provider's page).
    /// </summary>
    NotStateChanging,
}

/// <summary>What request body a route takes (Http/RequestBodyPolicy.cs); every body is capped at 16 KiB.</summary>
public enum BodyRule
{
    /// <summary>application/json in UTF-8, or no body; anything else is 415 (which also keeps cross-site "simple" form posts out).</summary>
    Json,

    /// <summary>
    /// As <see cref="Json"/>, or application/x-www-form-urlencoded: an identity provider's response_mode=form_post
    /// callback, which a browser posts cross-site. Only for routes that change nothing on a form body alone.
    /// </summary>
    JsonOrForm,
}

/// <summary>What the session authentication handler (Authentication/SessionAuthenticationHandler.cs) does on a route.</summary>
public enum SessionUse
{
    /// <summary>Reads no credential; [Authorize] on the route turns this into <see cref="Lookup"/>.</summary>
    None,

    /// <summary>Reads and verifies the presented credential (signature, format) without asking the store: sign-in, sign-out.</summary>
    Credential,

    /// <summary>Asks the store for the session, which may be absent (anonymous allowed).</summary>
    Lookup,

    /// <summary>As <see cref="Lookup"/>, and a valid cookie-cache cookie may answer instead of the store (get-session only).</summary>
    LookupOrCookieCache,
}

/// <summary>
/// What a sensitive action needs beyond a live session (docs/security.md, "Sensitive actions"), enforced for
/// every route by one filter (Authentication/SensitiveActionFilter.cs) before its use case runs.
/// </summary>
[Flags]
public enum SensitiveProof
{
    None = 0,

    /// <summary>The current password in the body (<c>password</c>); the use case checks it against the hash, spending the sign-in budget.</summary>
    Password = 1,

    /// <summary>A session created less than Auth:Session:FreshAge ago (403 SESSION_NOT_FRESH otherwise).</summary>
    FreshSession = 2,
}

/// <summary>
/// A route's rules, declared beside the route; the middlewares read them from the endpoint's metadata
/// and match no paths. Defaults fit a plain auth route: standard rate limit, origin check only with a
/// session cookie, no password-hashing admission, no session read unless [Authorize] asks for one.
/// <code>
/// [HttpPost("sign-in/email")]
/// [AuthRoute(RateLimit = RateLimitClass.Credential, Origin = OriginRule.Login, HashesPasswords = true, Session = SessionUse.Credential)]
/// </code>
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, Inherited = true)]
public sealed class AuthRouteAttribute : Attribute
{
    public RateLimitClass RateLimit { get; init; } = RateLimitClass.Standard;

    public OriginRule Origin { get; init; } = OriginRule.SessionCookie;

    /// <summary>
    /// The route hashes a password: it is admitted only while the hashing pool has room (Security/CredentialRouteAdmission.cs),
    /// otherwise 503 before it touches the database.
    /// </summary>
    public bool HashesPasswords { get; init; }

    public SessionUse Session { get; init; } = SessionUse.None;

    public BodyRule Body { get; init; } = BodyRule.Json;

    /// <summary>
    /// The flow cookies of a half-finished sign-in this route continues (two_factor, trust_device, the passkey
    /// ceremony, the OAuth state): the authentication handler reads them, and the route gets them with
    /// <c>HttpContext.FlowCookie(...)</c>. A route reads no flow cookie it does not declare.
    /// </summary>
    public FlowCookie Reads { get; init; } = FlowCookie.None;

    /// <summary>A sensitive action: what it needs beyond a live session (a password, a fresh session, or both).</summary>
    public SensitiveProof Needs { get; init; } = SensitiveProof.None;

    /// <summary>
    /// The route parameter that carries a live secret in the path (a mailed reset token). Request logs and
    /// traces show the route's path with <c>***</c> in its place (<see cref="AuthRouteRules.LoggedPath"/>).
    /// </summary>
    public string? SecretParameter { get; init; }

    /// <summary>
    /// A program may call this route with an API key (header x-api-key) instead of a session: the authentication
    /// handler verifies it, counting one use, and the sign-in policy admits its owner for this request only.
    /// Never on a sensitive route (a test keeps it so): a key proves no password and no fresh session.
    /// </summary>
    public bool AcceptsApiKey { get; init; }

    /// <summary>
    /// An administration route: only an administrator (Application/Admin/AdminAuthorization.cs) may call it; anyone
    /// else gets the permission's 403 before the use case runs (Authentication/AdminRouteFilter.cs).
    /// </summary>
    public AdminAction Admin { get; init; } = AdminAction.None;
}
