using AuthPlatform.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>The tables the cleanup job keeps small, and which of their rows are dead.</summary>
public sealed class CleanupTargets(IOptions<CleanupOptions> cleanup, IOptions<SignInThrottleOptions> throttle)
{
    /// <summary>Credential-limit windows are seconds to minutes long; a day old is dead for any sane setting.</summary>
    public static readonly TimeSpan LimitWindowRetention = TimeSpan.FromDays(1);

    /// <summary>How long a completed mail job stays visible (outcome, attempts, last error).</summary>
    public static readonly TimeSpan MailJobRetention = TimeSpan.FromDays(7);

    public IReadOnlyList<CleanupTarget> All { get; } =
    [
        // Expired (sliding or absolute end) or revoked longer ago than the retention: no token can use them.
        new("sessions", "expires_at < $1 or revoked_at < $1", now => now - cleanup.Value.SessionRetention),

        // A bucket untouched long enough to have refilled completely carries no information.
        new("sign_in_throttles", "updated_at < $1", now => now - FullRefill(throttle.Value)),

        new("request_limit_windows", "window_start < $1", now => now - LimitWindowRetention),

        // Reset, verification and change-of-email links: kept as long as sessions, so a late click is
        // still logged as expired or used rather than as an unknown token.
        new("verification_tickets", "expires_at < $1 or consumed_at < $1", now => now - cleanup.Value.SessionRetention),

        // Magic links and email codes live minutes; a day later an expired one is only noise.
        new("mailed_secrets", "expires_at < $1", now => now - TimeSpan.FromDays(1)),

        // Sent or dropped mail: kept a week for an operator asking "did the reset mail go out?".
        new("mail_jobs", "completed_at < $1", now => now - MailJobRetention),

        // Second-factor sign-in challenges, passkey ceremonies, trusted devices and the state of social
        // sign-ins a user abandoned at the provider end at their expiry: nothing reads them after it.
        new("two_factor_challenges", "expires_at < $1", now => now),
        new("webauthn_challenges", "expires_at < $1", now => now),
        new("trusted_devices", "expires_at < $1", now => now),
        new("oauth_states", "expires_at < $1", now => now),
        new("oauth_consent_code_uses", "expires_at < $1", now => now),
        new("oauth_client_assertion_uses", "expires_at < $1", now => now),

        // The webhook delivery log: kept a week, like completed mail, for "did it go out, and why not?".
        new("webhook_deliveries", "attempted_at < $1", now => now - MailJobRetention),

        // The audit trail past its retention: the oldest sealed events, as a prefix of the chain (up to the first
        // event still within the retention), so the chain that remains has no gap and still verifies.
        new("audit_events",
            "position <= coalesce((select min(position) from audit_events where occurred_at >= $1 and position is not null) - 1, (select max(position) from audit_events))",
            now => now - cleanup.Value.AuditRetention),
    ];

    /// <summary>Time an empty bucket takes to refill, and at least an hour (the budget's period).</summary>
    private static TimeSpan FullRefill(SignInThrottleOptions options) =>
        TimeSpan.FromSeconds(Math.Max(3600, Math.Min(options.Burst / options.FailuresPerSecond, TimeSpan.FromDays(30).TotalSeconds)));
}
