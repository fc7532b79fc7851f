using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ListPasskeys;

internal sealed class ListPasskeysQueryHandler(IAuthDbContext db) : IQueryHandler<ListPasskeysQuery, Result<IReadOnlyList<PasskeyDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PasskeyDto>>> Handle(ListPasskeysQuery query, CancellationToken cancellationToken)
    {
        var passkeys = await db.Passkeys.AsNoTracking().Where(p => p.UserId == query.UserId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<PasskeyDto>>.Success(passkeys.Select(PasskeyDto.From).ToList());
    }
}
