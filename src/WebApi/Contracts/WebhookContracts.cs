namespace AuthPlatform.WebApi.Contracts;

/// <summary>POST /admin/create-webhook: the receiver's URL and the event types it wants (none or "*": all).</summary>
public sealed record CreateWebhookRequest(string? Url, IReadOnlyList<string>? Events);

/// <summary>POST /admin/delete-webhook.</summary>
public sealed record DeleteWebhookRequest(string? Id);
