using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetFullOrganization;

/// <summary>GET /organization/get-full-organization: the organization with its members and (for inviters) its invitations; null when none is named or active.</summary>
public sealed record GetFullOrganizationQuery(OrganizationActor Actor, string? OrganizationId, string? OrganizationSlug, int? MembersLimit)
    : IQuery<Result<FullOrganizationDto?>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, OrganizationSlug), NoOrganization: null, Errors.Organizations.UserNotMember);
}
