using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Organizations;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Whether the caller may answer or see an invitation: it is addressed to their address, and that address is verified
/// (always here: an unverified address proves nothing about who reads its mail; docs/compatibility.md).
/// </summary>
internal static class InvitationRecipient
{
    public static Error? Refusal(Invitation invitation, OrganizationActor actor, Error unverified) =>
        !invitation.IsFor(actor.Email) ? Errors.Organizations.NotRecipient
        : !actor.EmailVerified ? unverified
        : null;
}
