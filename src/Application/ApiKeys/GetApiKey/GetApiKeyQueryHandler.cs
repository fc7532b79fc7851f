using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.GetApiKey;

internal sealed class GetApiKeyQueryHandler(IAuthDbContext db) : IQueryHandler<GetApiKeyQuery, Result<ApiKeyDto>>
{
    public async ValueTask<Result<ApiKeyDto>> Handle(GetApiKeyQuery query, CancellationToken cancellationToken)
    {
        // Another user's key answers as a missing one (as BetterAuth: 404, never 403).
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == query.Id && k.UserId == query.UserId, cancellationToken);
        return key is null ? Errors.ApiKeys.KeyNotFound : ApiKeyDto.From(key);
    }
}
