using AuthPlatform.Application.Common.Models;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>A sign-in waiting for its second factor: the two_factor cookie's token and the methods the user can present.</summary>
public sealed record PendingSecondFactor(SessionToken Challenge, IReadOnlyList<string> Methods);

/// <summary>The administrator's session an impersonation puts aside: its token and whether it was remembered.</summary>
public sealed record HeldAdminSession(SessionToken Token, bool RememberMe)
{
    public override string ToString() => "HeldAdminSession";
}

/// <summary>
/// The one result that finishes every way of signing in: a new <see cref="Session"/>, or a
/// <see cref="PendingSecondFactor"/> and no session at all. <see cref="TrustedDevice"/> is a trusted-device
/// token to (re)set in the browser. The web side writes all of it in one place (WebApi's SignInResult); no
/// controller sets a cookie of its own.
/// </summary>
public sealed record SignInOutcome(AuthenticatedSession? Session, PendingSecondFactor? SecondFactor, SessionToken? TrustedDevice)
{
    public static SignInOutcome SignedIn(AuthenticatedSession session, SessionToken? trustedDevice = null) => new(session, null, trustedDevice);

    public static SignInOutcome SecondFactorRequired(PendingSecondFactor pending) => new(null, pending, null);

    /// <summary>
    /// An impersonation started: the administrator's own session, to be held in the browser (admin_session) until
    /// stop-impersonating gives it back.
    /// </summary>
    public HeldAdminSession? HoldsAdminSession { get; init; }

    /// <summary>An impersonation ended: the held administrator's session is the browser's again, and admin_session expires.</summary>
    public bool ReleasesAdminSession { get; init; }

    public bool IsSignedIn => Session is not null;

    public override string ToString() => Session is null ? "SignInOutcome(second factor required)" : "SignInOutcome(signed in)";
}
