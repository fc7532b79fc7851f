using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.CheckSlug;

internal sealed class CheckSlugQueryHandler(IAuthDbContext db) : IQueryHandler<CheckSlugQuery, Result<SlugStatus>>
{
    public async ValueTask<Result<SlugStatus>> Handle(CheckSlugQuery query, CancellationToken cancellationToken) =>
        await db.Organizations.AnyAsync(o => o.Slug == query.Slug, cancellationToken)
            ? Errors.Organizations.SlugTaken
            : new SlugStatus(true);
}
