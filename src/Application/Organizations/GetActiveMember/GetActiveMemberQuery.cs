using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.GetActiveMember;

/// <summary>GET /organization/get-active-member: the caller's membership of the active organization, with the user.</summary>
public sealed record GetActiveMemberQuery(OrganizationActor Actor) : IQuery<Result<MemberWithUserDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(null), Errors.Organizations.NoActiveOrganization, Errors.Organizations.MemberNotFound);
}
