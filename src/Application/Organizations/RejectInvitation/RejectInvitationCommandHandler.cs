using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations.AcceptInvitation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.RejectInvitation;

internal sealed class RejectInvitationCommandHandler(IAuthDbContext db)
    : ICommandHandler<RejectInvitationCommand, Result<InvitationAnswer>>
{
    public async ValueTask<Result<InvitationAnswer>> Handle(RejectInvitationCommand command, CancellationToken cancellationToken)
    {
        var invitation = await db.Invitations.FirstOrDefaultAsync(i => i.Id == command.InvitationId, cancellationToken);
        if (invitation is null || invitation.Status != Domain.Organizations.InvitationStatus.Pending)
        {
            return Errors.Organizations.InvitationNotFound.WithMessage("Invitation not found!");
        }

        if (InvitationRecipient.Refusal(invitation, command.Actor, Errors.Organizations.VerificationRequiredToAnswer) is { } refusal)
        {
            return refusal;
        }

        invitation.Reject();
        await db.SaveChangesAsync(cancellationToken);
        return new InvitationAnswer(InvitationDto.Of(invitation), null);
    }
}
