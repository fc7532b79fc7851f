namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>Posts one webhook message. Never throws for the receiver's failures: they come back as the answer.</summary>
public interface IWebhookTransport
{
    Task<WebhookAnswer> PostAsync(string url, IReadOnlyDictionary<string, string> headers, string body, CancellationToken cancellationToken);
}

/// <summary>The receiver's status code, or why there was none (timeout, refused connection).</summary>
public sealed record WebhookAnswer(int? StatusCode, string? Error)
{
    public bool Accepted => StatusCode is >= 200 and < 300;
}
