using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.UpdateOrganization;

/// <summary>POST /organization/update: changes the fields given (needs organization:update).</summary>
public sealed record UpdateOrganizationCommand(OrganizationActor Actor, string? OrganizationId, string? Name, string? Slug, string? Logo, string? Metadata)
    : ICommand<Result<OrganizationParsedDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NotFound, Errors.Organizations.UserNotMember,
        OrganizationGate.Needs("organization", "update"), Errors.Organizations.NotAllowedToUpdate);
}
