using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Webhooks;

/// <summary>
/// A URL that receives the audit trail's events of the types it subscribed to, signed as Standard Webhooks. The
/// trail itself is the outbox: an endpoint keeps a cursor (<see cref="DeliveredThrough"/>, a chain position) and is
/// sent the sealed events after it, in order, one at a time; a failure stops that endpoint alone and retries it with
/// a growing delay, so a receiver that is down delays its own deliveries, loses none, and never slows a request.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int MaxUrlLength = 2048;
    public const string AllEvents = "*";
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    private WebhookEndpoint()
    {
        Id = string.Empty;
        Url = string.Empty;
        EventTypes = AllEvents;
        SecretCiphertext = [];
        SecretKeyId = string.Empty;
    }

    public string Id { get; private set; }

    public string Url { get; private set; }

    /// <summary>Comma-separated event types (<c>sign-in,admin.user-banned</c>), or <c>*</c> for every event.</summary>
    public string EventTypes { get; private set; }

    /// <summary>The signing secret (<c>whsec_...</c>), encrypted at rest; shown once, at registration.</summary>
    public byte[] SecretCiphertext { get; private set; }

    public string SecretKeyId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The chain position of the last event this endpoint was sent (or skipped as not subscribed).</summary>
    public long DeliveredThrough { get; private set; }

    public int FailedAttempts { get; private set; }

    /// <summary>When the next attempt may be made after a failure; null when nothing failed.</summary>
    public DateTimeOffset? RetryAt { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? LastDeliveredAt { get; private set; }

    /// <summary>An instance delivering to this endpoint holds it until then, so two instances never send the same events at once.</summary>
    public DateTimeOffset? LeasedUntil { get; private set; }

    /// <summary>A new endpoint starts after <paramref name="currentPosition"/>: it gets what happens from now on, not the history.</summary>
    public static WebhookEndpoint Register(string url, IReadOnlyCollection<string> eventTypes, byte[] secretCiphertext, string secretKeyId,
        long currentPosition, DateTimeOffset now, string? id = null)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || url.Length > MaxUrlLength)
        {
            throw new DomainRuleException("A webhook URL is an absolute http(s) URL.");
        }

        return new WebhookEndpoint
        {
            Id = id ?? RandomId.New(),
            Url = url,
            EventTypes = eventTypes.Count == 0 || eventTypes.Contains(AllEvents) ? AllEvents : string.Join(',', eventTypes.Distinct(StringComparer.Ordinal)),
            SecretCiphertext = secretCiphertext,
            SecretKeyId = secretKeyId,
            CreatedAt = now,
            DeliveredThrough = currentPosition,
        };
    }

    public bool Wants(string eventType) =>
        EventTypes == AllEvents || EventTypes.Split(',').Contains(eventType, StringComparer.Ordinal);

    public bool IsDue(DateTimeOffset now) => RetryAt is not { } retry || retry <= now;

    /// <summary>The event at <paramref name="position"/> was accepted by the receiver (2xx), or is not one this endpoint wants.</summary>
    public void Passed(long position, bool sent, DateTimeOffset now)
    {
        if (position <= DeliveredThrough)
        {
            throw new DomainRuleException($"Webhook {Id} already passed position {position}.");
        }

        DeliveredThrough = position;
        if (sent)
        {
            FailedAttempts = 0;
            RetryAt = null;
            LastError = null;
            LastDeliveredAt = now;
        }
    }

    /// <summary>The receiver refused or did not answer: the same event is tried again after 1, 2, 4 ... seconds, at most 10 minutes.</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        FailedAttempts++;
        LastError = error.Length > 500 ? error[..500] : error;
        RetryAt = now + RetryDelay(FailedAttempts);
    }

    /// <summary>Done sending for now: another instance may take the endpoint at its next round.</summary>
    public void ReleaseLease() => LeasedUntil = null;

    public static TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(failedAttempts - 1, 20)), MaxRetryDelay.TotalSeconds));
}
