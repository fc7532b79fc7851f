using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AuthPlatform.Application.Common.Telemetry;

/// <summary>
/// Every metric the service defines, in one place (meter "AuthPlatform"). Callers record at the single
/// point where each thing happens; the WebApi exports the meter (OTLP, Prometheus) when configured, and
/// without a listener each call costs next to nothing. Tag values are fixed codes from small closed sets
/// (outcomes, reason codes, limit names): never a user id, email, address or token.
/// docs/operations.md ("Metrics") lists them with their Prometheus names; docs/grafana-dashboard.json uses them.
/// </summary>
public static class AuthMetrics
{
    public const string MeterName = "AuthPlatform";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "authplatform.sign_ins", "{sign-in}", "Sign-ins (email and password, magic link, email code) by outcome.");

    private static readonly Counter<long> CredentialRejections = Meter.CreateCounter<long>(
        "authplatform.credential_rejections", "{rejection}", "Presented credentials that authenticated no one, by reason code (the RejectionReason of the log line).");

    private static readonly Counter<long> SessionsCreated = Meter.CreateCounter<long>(
        "authplatform.sessions.created", "{session}", "Sessions created (sign-up, sign-in, password change).");

    private static readonly Counter<long> SessionsEnded = Meter.CreateCounter<long>(
        "authplatform.sessions.ended", "{session}", "Sessions ended by revocation, by reason.");

    private static readonly Counter<long> TokensIssued = Meter.CreateCounter<long>(
        "authplatform.tokens.issued", "{token}", "Access tokens (JWTs) signed.");

    private static readonly Counter<long> RequestsRefused = Meter.CreateCounter<long>(
        "authplatform.requests.refused", "{request}", "Requests refused by a limit before their work was done, by limit.");

    private static readonly UpDownCounter<long> HashingQueueLength = Meter.CreateUpDownCounter<long>(
        "authplatform.password_hashing.queue_length", "{item}", "Password hashes and verifications waiting for a hashing thread.");

    private static readonly Histogram<double> HashingQueueWait = Meter.CreateHistogram(
        "authplatform.password_hashing.queue_wait", "s", "Time a hash or verification waited for a hashing thread.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] });

    private static readonly Counter<long> SessionCacheLookups = Meter.CreateCounter<long>(
        "authplatform.session_cache.lookups", "{lookup}", "Session cache lookups, by result (hit or miss).");

    private static readonly Counter<long> SessionListenerFailures = Meter.CreateCounter<long>(
        "authplatform.session_cache.listener_failures", "{failure}", "Session cache listener failures (each bypasses the cache until the listener is back), by reason.");

    private static readonly Counter<long> BreachedPasswordChecks = Meter.CreateCounter<long>(
        "authplatform.breached_password_checks", "{check}", "Range queries of the breached-password check, by result (found, not_found, unavailable).");

    private static readonly Counter<long> Bans = Meter.CreateCounter<long>(
        "authplatform.admin.bans", "{ban}", "Users banned by an administrator (admin/ban-user).");

    private static readonly Counter<long> Impersonations = Meter.CreateCounter<long>(
        "authplatform.admin.impersonations", "{impersonation}", "Impersonation sessions opened by an administrator (admin/impersonate-user).");

    private static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>(
        "authplatform.webhooks.deliveries", "{delivery}", "Webhook delivery attempts, by result (delivered, failed).");

    /// <summary>Sign-in outcomes, one per request that reached the sign-in handler.</summary>
    public static class SignInOutcome
    {
        public const string Success = "success";
        public const string InvalidPassword = "invalid_password";
        public const string UnknownEmail = "unknown_email";
        public const string UserDisabled = "user_disabled";
        public const string Throttled = "throttled";

        /// <summary>The password was right; a second factor is asked for before any session exists.</summary>
        public const string SecondFactorRequired = "second_factor_required";

        /// <summary>A magic link or email code that is unknown, altered, used, expired or wrong.</summary>
        public const string WrongCode = "wrong_code";

        /// <summary>An email code whose guesses are spent.</summary>
        public const string CodeAttemptsExhausted = "code_attempts_exhausted";
    }

    /// <summary>The limits that refuse requests.</summary>
    public static class Limit
    {
        /// <summary>Per client and path rate limit (429) on the auth routes.</summary>
        public const string RequestRate = "request_rate";

        /// <summary>The tighter per client and path rate limit (429) on the credential routes.</summary>
        public const string CredentialRate = "credential_rate";

        /// <summary>The per client and path rate limit (429) on the routes that send mail.</summary>
        public const string MailRate = "mail_rate";

        /// <summary>Credential routes beyond what the hashing pool can run or queue (503).</summary>
        public const string CredentialAdmission = "credential_admission";

        /// <summary>The hashing queue itself was full (503).</summary>
        public const string HashingQueue = "hashing_queue";

        /// <summary>Per-account backoff after failed sign-ins (429).</summary>
        public const string FailedSignInBackoff = "failed_sign_in_backoff";
    }

    /// <summary>Why the session cache's change listener was given up and reconnected.</summary>
    public static class ListenerFailure
    {
        /// <summary>Its connection failed (database down, backend terminated, network).</summary>
        public const string ConnectionLost = "connection_lost";

        /// <summary>
        /// Connected, but its heartbeat notification did not come back in time: notifications do not reach
        /// it (behind a transaction-mode pooler they never do).
        /// </summary>
        public const string HeartbeatNotEchoed = "heartbeat_not_echoed";
    }

    public static void SignIn(string outcome) => SignIns.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public static void CredentialRejected(string reasonCode) => CredentialRejections.Add(1, new KeyValuePair<string, object?>("reason", reasonCode));

    public static void SessionCreated() => SessionsCreated.Add(1);

    public static void SessionEnded(string reason) => SessionsEnded.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void TokenIssued() => TokensIssued.Add(1);

    public static void RequestRefused(string limit) => RequestsRefused.Add(1, new KeyValuePair<string, object?>("limit", limit));

    /// <summary>An item entered the hashing queue.</summary>
    public static void HashingEnqueued() => HashingQueueLength.Add(1);

    /// <summary>A hashing thread took the item that was enqueued at <paramref name="enqueuedAt"/> (a Stopwatch timestamp).</summary>
    public static void HashingDequeued(long enqueuedAt)
    {
        HashingQueueLength.Add(-1);
        HashingQueueWait.Record(Stopwatch.GetElapsedTime(enqueuedAt).TotalSeconds);
    }

    /// <summary>The session cache's change listener failed for <paramref name="reason"/> (a <see cref="ListenerFailure"/> code).</summary>
    public static void SessionListenerFailed(string reason) =>
        SessionListenerFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    /// <summary>One lookup in the session cache: <paramref name="hit"/> when it answered without the database.</summary>
    public static void SessionCacheLookup(bool hit) =>
        SessionCacheLookups.Add(1, new KeyValuePair<string, object?>("result", hit ? "hit" : "miss"));

    /// <summary>An administrator banned a user (committed).</summary>
    public static void UserBanned() => Bans.Add(1);

    /// <summary>An administrator opened an impersonation session (committed).</summary>
    public static void ImpersonationStarted() => Impersonations.Add(1);

    /// <summary>One webhook message sent: <paramref name="delivered"/> when the receiver accepted it (2xx).</summary>
    public static void WebhookDelivery(bool delivered) =>
        WebhookDeliveries.Add(1, new KeyValuePair<string, object?>("result", delivered ? "delivered" : "failed"));

    /// <summary>One range query of the breached-password check: "found", "not_found" or "unavailable".</summary>
    public static void BreachedPasswordCheck(string result) =>
        BreachedPasswordChecks.Add(1, new KeyValuePair<string, object?>("result", result));
}
