using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.SetActiveOrganization;

/// <summary>
/// POST /organization/set-active: the session's active organization, by id or slug; <paramref name="Clear"/> (an
/// explicit null id) clears it; neither re-checks the current one. Answers the organization, or null.
/// </summary>
public sealed record SetActiveOrganizationCommand(OrganizationActor Actor, string? OrganizationId, string? OrganizationSlug, bool Clear)
    : ICommand<Result<OrganizationDto?>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        Clear ? new OrganizationTarget.Named(null, UseActive: false) : new OrganizationTarget.Named(OrganizationId, OrganizationSlug),
        NoOrganization: null, Errors.Organizations.UserNotMember);
}
