using System.Diagnostics;
using System.Text.Json;
using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AuthPlatform.Application.Webhooks;

/// <summary>
/// One round of deliveries (docs/adr/0139-audit-trail.md, "Webhooks"): every endpoint that is due, leased so only
/// one instance sends to it, gets the sealed events after its cursor, in chain order, until one fails. Events an
/// endpoint did not subscribe to move its cursor without a request. Every attempt is logged in webhook_deliveries.
/// </summary>
public sealed partial class WebhookDispatcher(
    IAuthDbContext db,
    IWebhookTransport transport,
    IWebhookSecretProtector secrets,
    TimeProvider clock,
    ILogger<WebhookDispatcher> logger)
{
    public const int BatchSize = 20;
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Messages sent (accepted or not) in this round.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var due = await db.WebhookEndpoints.AsNoTracking()
            .Where(w => (w.RetryAt == null || w.RetryAt <= now) && (w.LeasedUntil == null || w.LeasedUntil < now))
            .Select(w => new { w.Id, w.DeliveredThrough })
            .ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var head = await AuditChainHead.PositionAsync(db, cancellationToken);
        var sent = 0;
        foreach (var endpoint in due.Where(e => e.DeliveredThrough < head))
        {
            sent += await DeliverAsync(endpoint.Id, cancellationToken);
        }

        return sent;
    }

    private async Task<int> DeliverAsync(string endpointId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var leased = await db.WebhookEndpoints
            .Where(w => w.Id == endpointId && (w.LeasedUntil == null || w.LeasedUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.LeasedUntil, now + Lease), cancellationToken);
        if (leased == 0)
        {
            return 0; // another instance is sending to it
        }

        var sent = 0;
        var endpoint = await db.WebhookEndpoints.FirstAsync(w => w.Id == endpointId, cancellationToken);
        try
        {
            var secret = secrets.Unprotect(endpoint.SecretCiphertext, endpoint.SecretKeyId, endpoint.Id);
            var events = await db.AuditEvents.AsNoTracking()
                .Where(e => e.Position > endpoint.DeliveredThrough)
                .OrderBy(e => e.Position)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            foreach (var auditEvent in events)
            {
                // Not subscribed, or from before the endpoint existed (written then, sealed since): passed over.
                if (!endpoint.Wants(auditEvent.Type) || auditEvent.OccurredAt < endpoint.CreatedAt)
                {
                    endpoint.Passed(auditEvent.Position!.Value, sent: false, clock.GetUtcNow());
                    continue;
                }

                var messageId = $"msg_{auditEvent.Id}";
                if (secret is null)
                {
                    // The secrets were rotated past the one that sealed it: nothing can be signed until it is registered again.
                    endpoint.Failed("the endpoint's secret cannot be decrypted with the configured secrets; register the endpoint again", clock.GetUtcNow());
                    break;
                }

                var body = JsonSerializer.Serialize(new { type = auditEvent.Type, timestamp = auditEvent.OccurredAt, data = AuditEventDto.From(auditEvent) }, Json);
                var started = Stopwatch.GetTimestamp();
                var attemptAt = clock.GetUtcNow();
                var answer = await transport.PostAsync(endpoint.Url, StandardWebhook.Headers(secret, messageId, attemptAt.ToUnixTimeSeconds(), body), body, cancellationToken);
                sent++;
                AuthMetrics.WebhookDelivery(answer.Accepted);
                db.WebhookDeliveries.Add(WebhookDelivery.Log(endpoint.Id, messageId, auditEvent.Type, endpoint.FailedAttempts + 1, answer.StatusCode,
                    answer.Accepted ? null : answer.Error ?? $"HTTP {answer.StatusCode}", answer.Accepted, attemptAt, Stopwatch.GetElapsedTime(started)));
                if (!answer.Accepted)
                {
                    endpoint.Failed(answer.Error ?? $"HTTP {answer.StatusCode}", clock.GetUtcNow());
                    DeliveryFailed(logger, endpoint.Id, messageId, answer.StatusCode, endpoint.FailedAttempts);
                    break;
                }

                endpoint.Passed(auditEvent.Position!.Value, sent: true, clock.GetUtcNow());
            }
        }
        finally
        {
            endpoint.ReleaseLease();
            await db.SaveChangesAsync(CancellationToken.None);
        }

        return sent;
    }

    [LoggerMessage(EventId = 4720, Level = LogLevel.Warning, Message = "Webhook {EndpointId}: message {MessageId} refused (status {StatusCode}); attempt {Attempts}, retried with backoff")]
    private static partial void DeliveryFailed(ILogger logger, string endpointId, string messageId, int? statusCode, int attempts);
}
