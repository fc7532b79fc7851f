namespace AuthPlatform.Application.SignInPipeline;

/// <summary>
/// Every way a session can start. Adding a way of signing in starts here: a member, and its row in
/// <see cref="SignInPolicy"/>. The name (lower-case) is stored on a pending second-factor challenge.
/// </summary>
public enum SignInMethod
{
    /// <summary>POST /sign-in/email: email and password.</summary>
    Password,

    /// <summary>POST /sign-up/email: the account was just created with a password.</summary>
    SignUp,

    /// <summary>GET /callback/{provider}: an identity provider vouched for the user.</summary>
    Social,

    /// <summary>POST /passkey/verify-authentication: a passkey with user verification.</summary>
    Passkey,

    /// <summary>GET /verify-email with autoSignInAfterVerification: the link that proved the address.</summary>
    EmailLink,

    /// <summary>GET /magic-link/verify: a mailed sign-in link (it may have created the user).</summary>
    MagicLink,

    /// <summary>POST /sign-in/email-otp (and POST /email-otp/verify-email with auto sign-in): a mailed one-time code.</summary>
    EmailCode,

    /// <summary>
    /// POST /change-password: the caller's session is replaced by a new one (its token may be what leaked).
    /// No new proof of identity: the new session keeps the proof of the one it replaces.
    /// </summary>
    SessionRotation,

    /// <summary>
    /// A request carrying an API key (header x-api-key) on a route that accepts keys: no session is stored;
    /// each request is one sign-in of the key's owner, for that request only.
    /// </summary>
    ApiKey,

    /// <summary>POST /sign-in/username: username and password (BetterAuth's username plugin); a password, as for Password.</summary>
    Username,

    /// <summary>
    /// POST /admin/impersonate-user: an administrator opens a session as another user (BetterAuth's admin plugin).
    /// The administrator's own session is the proof; the user's factors are not asked.
    /// </summary>
    Impersonation,

    /// <summary>
    /// GET /oauth2/authorize with a live session (and each code or refresh grant after it): the session's user
    /// signs in to an OAuth client. No new session: the client gets tokens for the user (ADR 0140).
    /// </summary>
    OAuthAuthorization,
}
