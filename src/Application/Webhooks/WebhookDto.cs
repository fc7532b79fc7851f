using AuthPlatform.Domain.Webhooks;

namespace AuthPlatform.Application.Webhooks;

/// <summary>An endpoint as administrators and operators see it: never its secret (shown once, at registration).</summary>
public sealed record WebhookDto(
    string Id,
    string Url,
    IReadOnlyList<string> Events,
    DateTimeOffset CreatedAt,
    long DeliveredThrough,
    int FailedAttempts,
    DateTimeOffset? RetryAt,
    string? LastError,
    DateTimeOffset? LastDeliveredAt)
{
    public static WebhookDto From(WebhookEndpoint w) =>
        new(w.Id, w.Url, w.EventTypes.Split(','), w.CreatedAt, w.DeliveredThrough, w.FailedAttempts, w.RetryAt, w.LastError, w.LastDeliveredAt);
}

/// <summary>A new endpoint and its signing secret, which is not shown again.</summary>
public sealed record WebhookCreated(WebhookDto Webhook, string Secret);
