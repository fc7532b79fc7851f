using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Passkeys.ListUserPasskeys;

internal sealed class ListUserPasskeysQueryHandler(IAuthDbContext db) : IQueryHandler<ListUserPasskeysQuery, Result<IReadOnlyList<PasskeyDto>>>
{
    public async ValueTask<Result<IReadOnlyList<PasskeyDto>>> Handle(ListUserPasskeysQuery query, CancellationToken cancellationToken)
    {
        var passkeys = await db.Passkeys.AsNoTracking().Where(p => p.UserId == query.UserId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        return Result<IReadOnlyList<PasskeyDto>>.Success(passkeys.Select(PasskeyDto.From).ToList());
    }
}
