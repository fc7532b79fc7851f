using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.ListOrganizations;

/// <summary>GET /organization/list: the organizations the caller is a member of.</summary>
[OutsideOrganizationGate("lists the caller's own memberships")]
public sealed record ListOrganizationsQuery(string UserId) : IQuery<Result<IReadOnlyList<OrganizationDto>>>;
