using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.ListWebhooks;

internal sealed class ListWebhooksQueryHandler(IAuthDbContext db) : IQueryHandler<ListWebhooksQuery, Result<IReadOnlyList<WebhookDto>>>
{
    public async ValueTask<Result<IReadOnlyList<WebhookDto>>> Handle(ListWebhooksQuery query, CancellationToken cancellationToken) =>
        (await db.WebhookEndpoints.AsNoTracking().OrderBy(w => w.CreatedAt).ToListAsync(cancellationToken)).Select(WebhookDto.From).ToList();
}
