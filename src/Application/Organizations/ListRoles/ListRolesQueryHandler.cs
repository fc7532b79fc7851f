using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.ListRoles;

internal sealed class ListRolesQueryHandler(IAuthDbContext db, OrganizationAccess access)
    : IQueryHandler<ListRolesQuery, Result<IReadOnlyList<OrganizationRoleDto>>>
{
    public async ValueTask<Result<IReadOnlyList<OrganizationRoleDto>>> Handle(ListRolesQuery query, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        var roles = await db.OrganizationRoles.AsNoTracking().Where(r => r.OrganizationId == organizationId).OrderBy(r => r.Role).ToListAsync(cancellationToken);
        return roles.Select(OrganizationRoleDto.Of).ToList();
    }
}
