using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.HasPermission;

internal sealed class HasPermissionQueryHandler(AdminAuthorization authorization) : IQueryHandler<HasPermissionQuery, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(HasPermissionQuery query, CancellationToken cancellationToken)
    {
        var role = await authorization.RoleOfAsync(query.UserId, cancellationToken);
        return role is not null && authorization.Allows(query.UserId, role, query.Permissions);
    }
}
