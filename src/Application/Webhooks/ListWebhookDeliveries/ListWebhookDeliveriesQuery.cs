using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.ListWebhookDeliveries;

/// <summary>An endpoint's delivery log, newest first (GET /admin/list-webhook-deliveries): every attempt, its status and error.</summary>
public sealed record ListWebhookDeliveriesQuery(string? WebhookId, int? Limit) : IQuery<Result<IReadOnlyList<WebhookDeliveryDto>>>;
