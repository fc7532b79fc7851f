namespace AuthPlatform.Domain.Webhooks;

/// <summary>One attempt to send one event to one endpoint: the delivery log an operator reads ("did it go out? why not?").</summary>
public sealed class WebhookDelivery
{
    private WebhookDelivery()
    {
        EndpointId = string.Empty;
        MessageId = string.Empty;
        EventType = string.Empty;
    }

    public long Id { get; private set; }

    public string EndpointId { get; private set; }

    /// <summary>The Standard Webhooks <c>webhook-id</c>: the same for every attempt of one event, so a receiver can drop duplicates.</summary>
    public string MessageId { get; private set; }

    public string EventType { get; private set; }

    public int Attempt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? Error { get; private set; }

    public bool Succeeded { get; private set; }

    public DateTimeOffset AttemptedAt { get; private set; }

    public long DurationMs { get; private set; }

    public static WebhookDelivery Log(string endpointId, string messageId, string eventType, int attempt, int? statusCode, string? error,
        bool succeeded, DateTimeOffset attemptedAt, TimeSpan duration) =>
        new()
        {
            EndpointId = endpointId,
            MessageId = messageId,
            EventType = eventType,
            Attempt = attempt,
            StatusCode = statusCode,
            Error = error is { Length: > 500 } ? error[..500] : error,
            Succeeded = succeeded,
            AttemptedAt = attemptedAt,
            DurationMs = (long)duration.TotalMilliseconds,
        };
}
