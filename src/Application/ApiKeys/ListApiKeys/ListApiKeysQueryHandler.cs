using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.ApiKeys;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.ListApiKeys;

internal sealed class ListApiKeysQueryHandler(IAuthDbContext db) : IQueryHandler<ListApiKeysQuery, Result<ApiKeyPage>>
{
    public async ValueTask<Result<ApiKeyPage>> Handle(ListApiKeysQuery query, CancellationToken cancellationToken)
    {
        var mine = db.ApiKeys.AsNoTracking().Where(k => k.UserId == query.UserId);
        var total = await mine.CountAsync(cancellationToken);
        var descending = !string.Equals(query.SortDirection, "asc", StringComparison.OrdinalIgnoreCase);
        IOrderedQueryable<ApiKey> sorted = query.SortBy switch
        {
            "name" => descending ? mine.OrderByDescending(k => k.Name) : mine.OrderBy(k => k.Name),
            "expiresAt" => descending ? mine.OrderByDescending(k => k.ExpiresAt) : mine.OrderBy(k => k.ExpiresAt),
            "lastRequest" => descending ? mine.OrderByDescending(k => k.LastRequest) : mine.OrderBy(k => k.LastRequest),
            _ => descending ? mine.OrderByDescending(k => k.CreatedAt) : mine.OrderBy(k => k.CreatedAt),
        };
        var page = await sorted.ThenBy(k => k.Id).Skip(query.Offset ?? 0).Take(query.Limit ?? ListApiKeysQueryValidator.MaxLimit)
            .ToListAsync(cancellationToken);
        return new ApiKeyPage(page.Select(ApiKeyDto.From).ToList(), total, query.Limit, query.Offset);
    }
}
