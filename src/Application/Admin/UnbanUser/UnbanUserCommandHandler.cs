using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.Admin.UnbanUser;

internal sealed class UnbanUserCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<UnbanUserCommand, Result<AdminUserDto>>
{
    public async ValueTask<Result<AdminUserDto>> Handle(UnbanUserCommand command, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var now = clock.GetUtcNow();
        found.Value.Enable(now);
        audit.Record(AuditEventTypes.UserUnbanned, found.Value.Id);
        await db.SaveChangesAsync(cancellationToken);
        return AdminUserDto.Of(found.Value, now);
    }
}
