using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.RemoveMember;

/// <summary>POST /organization/remove-member: by member id, or by address when it holds an '@' (needs member:delete).</summary>
public sealed record RemoveMemberCommand(OrganizationActor Actor, string? MemberIdOrEmail, string? OrganizationId)
    : ICommand<Result<RemovedMember>>, IOrganizationRequest
{
    public OrganizationGate Gate => new(
        new OrganizationTarget.Named(OrganizationId), Errors.Organizations.NoActiveOrganization, Errors.Organizations.MemberNotFound,
        OrganizationGate.Needs("member", "delete"), Errors.Organizations.NotAllowedToDeleteMember);
}

public sealed record RemovedMember(MemberDto Member);
