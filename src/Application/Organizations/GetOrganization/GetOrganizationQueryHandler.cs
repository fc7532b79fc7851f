using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetOrganization;

internal sealed class GetOrganizationQueryHandler(OrganizationAccess access)
    : IQueryHandler<GetOrganizationQuery, Result<OrganizationDto?>>
{
    public ValueTask<Result<OrganizationDto?>> Handle(GetOrganizationQuery query, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Result<OrganizationDto?>.Success(access.Organization is { } organization ? OrganizationDto.Of(organization) : null));
}
