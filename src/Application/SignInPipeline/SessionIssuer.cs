using AuthPlatform.Application.ApiKeys;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.TwoFactor;
using AuthPlatform.Domain.Users;
using MapsterMapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.SignInPipeline;

/// <summary>
/// The one sign-in pipeline: the only code that starts a <see cref="Session"/> (an architecture test keeps
/// it so). Every way in (password, sign-up, identity provider, passkey, email link, second-factor completion,
/// session rotation) asks it, naming its <see cref="SignInMethod"/>; it applies that method's
/// <see cref="SignInPolicy"/> row: a disabled user is refused, the address is checked, a second factor is
/// asked for, and only then a session starts, recording how the user proved who they are.
/// Rows are added to the context; the caller saves (so a sign-in commits with whatever else its handler writes).
/// </summary>
internal sealed class SessionIssuer(
    IAuthDbContext db,
    IMapper mapper,
    TimeProvider clock,
    IOptions<SessionOptions> sessionOptions,
    IOptions<EmailOptions> emailOptions,
    IOptions<TwoFactorOptions> twoFactorOptions,
    SecondFactorGate secondFactor,
    AuditTrail audit,
    IOptions<AdminOptions> adminOptions)
{
    /// <summary>A first factor was proven: a session, a second-factor challenge, or a refusal by the policy.</summary>
    public async Task<Result<SignInOutcome>> SignInAsync(SignInAttempt attempt, CancellationToken cancellationToken)
    {
        var rule = SignInPolicy.For(attempt.Method);
        var user = attempt.User;
        if (Refusal(rule, user) is { } refusal)
        {
            return refusal;
        }

        SessionToken? trustedDevice = null;
        if (rule.SecondFactor == SecondFactorRule.RequiredWhenEnrolled)
        {
            var decision = await secondFactor.DecideAsync(user.Id, attempt.Method, attempt.TrustedDevice, attempt.RememberMe, cancellationToken);
            if (decision.Required)
            {
                AuthMetrics.SignIn(AuthMetrics.SignInOutcome.SecondFactorRequired);
                return SignInOutcome.SecondFactorRequired(new PendingSecondFactor(decision.Challenge!.Value, decision.Methods));
            }

            trustedDevice = decision.RenewedTrustedDevice;
        }

        var now = clock.GetUtcNow();
        var session = Start(user, attempt.RememberMe, attempt.Client, rule.AuthenticationMethods, now, out var token);
        audit.Record(AuditEventTypes.SignIn, user.Id, reason: attempt.Method.ToString(), actorId: user.Id);
        await EndReplacedSessionAsync(attempt.ReplacedToken, now, cancellationToken);
        return SignInOutcome.SignedIn(Signed(token, session, user, attempt.RememberMe), trustedDevice);
    }

    /// <summary>
    /// The second factor of a pending sign-in was proven (its challenge already consumed): the session that
    /// sign-in was waiting for, recording both factors. With <paramref name="trustDevice"/>, the browser is
    /// trusted to skip the second factor for a while.
    /// </summary>
    public SignInOutcome CompleteSecondFactor(User user, TwoFactorChallenge challenge, bool trustDevice, ClientInfo client)
    {
        var now = clock.GetUtcNow();
        var first = SignInPolicy.For(SignInPolicy.Parse(challenge.SignInMethod)).AuthenticationMethods;
        var session = Start(user, challenge.RememberMe, client, $"{first} {SignInPolicy.SecondFactorMethods}", now, out var token);
        audit.Record(AuditEventTypes.SignIn, user.Id, reason: $"{challenge.SignInMethod}+second-factor", actorId: user.Id);

        SessionToken? trusted = null;
        var lifetime = twoFactorOptions.Value.TrustDeviceLifetime;
        if (trustDevice && lifetime > TimeSpan.Zero)
        {
            trusted = SessionToken.Generate();
            db.TrustedDevices.Add(TrustedDevice.Trust(user.Id, trusted.Value, lifetime, now));
        }

        return SignInOutcome.SignedIn(Signed(token, session, user, challenge.RememberMe), trusted);
    }

    /// <summary>
    /// Replaces the caller's session with a new one (change-password): the old one is revoked by the caller,
    /// the new one keeps the proof the old one recorded.
    /// </summary>
    public AuthenticatedSession Rotate(User user, Session replaced, ClientInfo client)
    {
        var session = Start(user, replaced.RememberMe, client, replaced.AuthenticationMethods, clock.GetUtcNow(), out var token);
        return Signed(token, session, user, replaced.RememberMe);
    }

    /// <summary>
    /// A request that carries an API key, already verified: the key's owner, for this request only (no session
    /// is stored; the answer's session id is the key's). The policy's row for <see cref="SignInMethod.ApiKey"/> applies.
    /// </summary>
    public Result<CurrentSession> AuthenticateApiKey(User user, ApiKeyDto key, ClientInfo client)
    {
        if (Refusal(SignInPolicy.For(SignInMethod.ApiKey), user) is { } refusal)
        {
            return refusal;
        }

        var now = clock.GetUtcNow();
        var session = new SessionDto(key.Id, user.Id, key.ExpiresAt ?? now + sessionOptions.Value.ExpiresIn, now, now, client.IpAddress, client.UserAgent);
        return new CurrentSession(session, mapper.Map<UserDto>(user), RememberMe: false);
    }

    /// <summary>
    /// An administrator (<paramref name="administratorId"/>, already allowed to impersonate <paramref name="user"/>)
    /// opens a session as that user: it ends after <paramref name="duration"/>, is never remembered or refreshed, and
    /// names the administrator. The policy's row for <see cref="SignInMethod.Impersonation"/> applies; a banned user
    /// is refused as every way in refuses them (BANNED_USER).
    /// </summary>
    public Result<SignInOutcome> Impersonate(User user, string administratorId, TimeSpan duration, HeldAdminSession held, ClientInfo client)
    {
        if (Refusal(SignInPolicy.For(SignInMethod.Impersonation), user) is { } refusal)
        {
            return refusal;
        }

        var token = SessionToken.Generate();
        var session = Session.Start(user.Id, token, administratorId, duration, client.IpAddress, client.UserAgent, clock.GetUtcNow());
        db.Sessions.Add(session);
        audit.Record(AuditEventTypes.ImpersonationStarted, user.Id, reason: session.Id, actorId: administratorId);
        return SignInOutcome.SignedIn(Signed(token, session, user, rememberMe: false)) with { HoldsAdminSession = held };
    }

    /// <summary>
    /// A live session's user signing in to an OAuth client, or a code or refresh grant renewing that: no session is
    /// started; the policy's row for <see cref="SignInMethod.OAuthAuthorization"/> applies (a disabled user is refused).
    /// </summary>
    public Error? AdmitToOAuthClient(User user) => Refusal(SignInPolicy.For(SignInMethod.OAuthAuthorization), user);

    /// <summary>
    /// What the policy's row refuses before any factor counts: a disabled user (BANNED_USER, in the configured words:
    /// the one place that refusal is built), an address not yet proven.
    /// </summary>
    private Error? Refusal(SignInRule rule, User user) =>
        user.IsDisabledAt(clock.GetUtcNow()) ? Errors.UserDisabled.WithMessage(adminOptions.Value.BannedUserMessage)
        : rule.Address == AddressRule.VerifiedWhenRequired && emailOptions.Value.RequireEmailVerification && !user.EmailVerified ? MailErrors.EmailNotVerified
        : null;

    private Session Start(User user, bool rememberMe, ClientInfo client, string? authenticationMethods, DateTimeOffset now, out SessionToken token)
    {
        // Always a brand-new token, whatever cookie came in: no session fixation.
        token = SessionToken.Generate();
        var session = Session.Start(user.Id, token, sessionOptions.Value.ToLifetime(), rememberMe, client.IpAddress, client.UserAgent, now,
            string.IsNullOrEmpty(authenticationMethods) ? null : authenticationMethods);
        db.Sessions.Add(session);
        return session;
    }

    private AuthenticatedSession Signed(SessionToken token, Session session, User user, bool rememberMe) =>
        new(token, mapper.Map<SessionDto>(session), mapper.Map<UserDto>(user), rememberMe);

    /// <summary>The browser's new cookie replaces the one it sent: the session behind that one ends now (saved with the new one).</summary>
    private async Task EndReplacedSessionAsync(SessionToken? replaced, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (replaced is not { } token)
        {
            return;
        }

        var digest = token.ComputeDigest();
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.TokenDigest == digest && s.RevokedAt == null, cancellationToken);
        session?.Revoke(SessionRevocationReason.SignedOut, now);
    }
}
