using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.CancelInvitation;

/// <summary>An invitation already answered stays as it was (single use) and is returned unchanged.</summary>
internal sealed class CancelInvitationCommandHandler(IAuthDbContext db, OrganizationAccess access)
    : ICommandHandler<CancelInvitationCommand, Result<InvitationDto>>
{
    public async ValueTask<Result<InvitationDto>> Handle(CancelInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == command.InvitationId && i.OrganizationId == access.Required.Id, cancellationToken);
        if (invitation is null)
        {
            return Errors.Organizations.InvitationNotFound;
        }

        if (invitation.Cancel())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return InvitationDto.Of(invitation);
    }
}
