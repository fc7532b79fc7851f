using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Audit.ListAuditEvents;

internal sealed class ListAuditEventsQueryHandler(IAuthDbContext db) : IQueryHandler<ListAuditEventsQuery, Result<AuditEventPage>>
{
    public async ValueTask<Result<AuditEventPage>> Handle(ListAuditEventsQuery query, CancellationToken cancellationToken)
    {
        var events = db.AuditEvents.AsNoTracking();
        if (query.SubjectUserId is { } subject)
        {
            events = events.Where(e => e.SubjectUserId == subject);
        }

        if (query.Type is { } type)
        {
            events = events.Where(e => e.Type == type);
        }

        if (query.From is { } from)
        {
            events = events.Where(e => e.OccurredAt >= from);
        }

        if (query.To is { } to)
        {
            events = events.Where(e => e.OccurredAt < to);
        }

        var limit = query.Limit ?? ListAuditEventsQuery.DefaultLimit;
        var offset = query.Offset ?? 0;

        // The export walks forward by id (stable while events are added); the pages of the routes show the newest first.
        if (query.After is { } after)
        {
            var batch = await events.Where(e => e.Id > after).OrderBy(e => e.Id).Take(limit).ToListAsync(cancellationToken);
            return new AuditEventPage(batch.Select(AuditEventDto.From).ToList(), batch.Count, limit, 0);
        }

        var total = await events.CountAsync(cancellationToken);
        var page = await events.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        return new AuditEventPage(page.Select(AuditEventDto.From).ToList(), total, limit, offset);
    }
}
