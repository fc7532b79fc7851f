using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.LeaveOrganization;

/// <summary>POST /organization/leave: the caller leaves the organization (never its last owner).</summary>
public sealed record LeaveOrganizationCommand(OrganizationActor Actor, string? OrganizationId)
    : ICommand<Result<MemberWithUserDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId, UseActive: false), Errors.Organizations.NotFound, Errors.Organizations.MemberNotFound);
}
