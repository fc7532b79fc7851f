using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Webhooks;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.ListWebhookDeliveries;

internal sealed class ListWebhookDeliveriesQueryHandler(IAuthDbContext db) : IQueryHandler<ListWebhookDeliveriesQuery, Result<IReadOnlyList<WebhookDeliveryDto>>>
{
    public async ValueTask<Result<IReadOnlyList<WebhookDeliveryDto>>> Handle(ListWebhookDeliveriesQuery query, CancellationToken cancellationToken) =>
        (await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == query.WebhookId)
            .OrderByDescending(d => d.Id).Take(query.Limit ?? 100).ToListAsync(cancellationToken))
        .Select(WebhookDeliveryDto.From).ToList();
}
