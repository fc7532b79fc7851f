using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.UpdateMemberRole;

/// <summary>POST /organization/update-member-role: replaces a member's roles (needs member:update; owners always may).</summary>
public sealed record UpdateMemberRoleCommand(OrganizationActor Actor, string? MemberId, IReadOnlyList<string> Roles, string? OrganizationId)
    : ICommand<Result<MemberDto>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.MemberNotFound,
        OrganizationGate.Needs("member", "update"), Errors.Organizations.NotAllowedToUpdateMember, CreatorRoleBypasses: true);
}
