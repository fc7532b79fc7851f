using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Webhooks.AddWebhook;

/// <summary>
/// Registers a receiver of audit events (POST /admin/create-webhook, operator `add-webhook`): its URL and the event
/// types it wants (empty or <c>*</c>: all). It receives what happens from now on, signed with the secret answered once.
/// </summary>
public sealed record AddWebhookCommand(string? Url, IReadOnlyList<string>? Events) : ICommand<Result<WebhookCreated>>;
