namespace AuthPlatform.Application.Common.Results;

/// <summary>Webhook endpoints (ours: BetterAuth has none).</summary>
public static partial class Errors
{
    public static readonly Error WebhookNotFound =
        new(ErrorKind.NotFound, "WEBHOOK_NOT_FOUND", "No webhook endpoint has that id");
}
