using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Webhooks.ListWebhooks;

/// <summary>Every registered endpoint with its delivery state (GET /admin/list-webhooks, operator `list-webhooks`).</summary>
public sealed record ListWebhooksQuery : IQuery<Result<IReadOnlyList<WebhookDto>>>;
