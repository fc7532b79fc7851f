using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Webhooks.RemoveWebhook;

/// <summary>Stops sending to an endpoint and deletes its delivery log (POST /admin/delete-webhook, operator `remove-webhook`).</summary>
public sealed record RemoveWebhookCommand(string? Id) : ICommand<Result<bool>>;
