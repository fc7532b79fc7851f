using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetRole;

internal sealed class GetRoleQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<GetRoleQuery, Result<OrganizationRoleDto>>
{
    public async ValueTask<Result<OrganizationRoleDto>> Handle(GetRoleQuery query, CancellationToken cancellationToken) =>
        await OrganizationRoleLookup.FindAsync(db, access.Required.Id, query.RoleName, query.RoleId, tracked: false, cancellationToken) is { } role
            ? OrganizationRoleDto.Of(role)
            : Errors.Organizations.RoleNotFound;
}
