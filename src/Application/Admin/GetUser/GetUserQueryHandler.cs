using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.GetUser;

internal sealed class GetUserQueryHandler(IAuthDbContext db, TimeProvider clock) : IQueryHandler<GetUserQuery, Result<AdminUserDto>>
{
    public async ValueTask<Result<AdminUserDto>> Handle(GetUserQuery query, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, query.Id!, cancellationToken);
        return found.IsSuccess ? AdminUserDto.Of(found.Value, clock.GetUtcNow()) : found.Error!;
    }
}
