using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetOrganization;

/// <summary>GET /organization/get-organization: the organization alone (any member); null when none is named or active.</summary>
public sealed record GetOrganizationQuery(OrganizationActor Actor, string? OrganizationId, string? OrganizationSlug)
    : IQuery<Result<OrganizationDto?>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, OrganizationSlug), NoOrganization: null, Errors.Organizations.UserNotMember);
}
