using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.ListWebhookDeliveries;

public sealed record WebhookDeliveryDto(string MessageId, string EventType, int Attempt, int? StatusCode, string? Error, bool Succeeded, DateTimeOffset AttemptedAt, long DurationMs)
{
    public static WebhookDeliveryDto From(WebhookDelivery d) => new(d.MessageId, d.EventType, d.Attempt, d.StatusCode, d.Error, d.Succeeded, d.AttemptedAt, d.DurationMs);
}
