using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.Admin.RemoveUser;

internal sealed class RemoveUserCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<RemoveUserCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RemoveUserCommand command, CancellationToken cancellationToken)
    {
        if (command.UserId == command.ActorId)
        {
            return Errors.Admin.CannotRemoveYourself;
        }

        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        audit.Record(AuditEventTypes.UserRemoved, found.Value.Id, reason: "remove-user");
        await UserRemoval.RemoveAsync(db, found.Value, clock.GetUtcNow(), cancellationToken);
        return true;
    }
}
