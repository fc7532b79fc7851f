using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.HasPermission;

internal sealed class HasPermissionQueryHandler(OrganizationAccess access)
    : IQueryHandler<HasPermissionQuery, Result<PermissionAnswer>>
{
    public ValueTask<Result<PermissionAnswer>> Handle(HasPermissionQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult<Result<PermissionAnswer>>(new PermissionAnswer(
            null, query.Permissions is { } permissions && access.Roles.Authorizes(access.Member.Role, permissions)));
}
