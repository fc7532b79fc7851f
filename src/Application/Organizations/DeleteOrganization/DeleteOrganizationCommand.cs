using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.DeleteOrganization;

/// <summary>POST /organization/delete: the organization, its members and invitations (needs organization:delete).</summary>
public sealed record DeleteOrganizationCommand(OrganizationActor Actor, string? OrganizationId)
    : ICommand<Result<OrganizationDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, UseActive: false), Errors.Organizations.NotFound, Errors.Organizations.UserNotMember,
        OrganizationGate.Needs("organization", "delete"), Errors.Organizations.NotAllowedToDelete);
}
