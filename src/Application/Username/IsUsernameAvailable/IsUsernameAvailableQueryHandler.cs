using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Users;
using AuthPlatform.Application.Common.Validation;
using Mediator;

namespace AuthPlatform.Application.Username.IsUsernameAvailable;

internal sealed class IsUsernameAvailableQueryHandler(IAuthDbContext db) : IQueryHandler<IsUsernameAvailableQuery, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(IsUsernameAvailableQuery query, CancellationToken cancellationToken) =>
        !await Usernames.IsTakenAsync(db, UsernameRules.Normalize(query.Username!), null, cancellationToken);
}
