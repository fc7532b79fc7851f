using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using Mediator;

namespace AuthPlatform.Application.Admin.BanUser;

internal sealed class BanUserCommandHandler(IAuthDbContext db, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<BanUserCommand, Result<AdminUserDto>>
{
    /// <summary>BetterAuth's default reason.</summary>
    public const string DefaultReason = "No reason";

    public async ValueTask<Result<AdminUserDto>> Handle(BanUserCommand command, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (found.Value.Id == command.ActorId)
        {
            return Errors.Admin.CannotBanYourself;
        }

        var now = clock.GetUtcNow();
        var reason = string.IsNullOrWhiteSpace(command.BanReason) ? DefaultReason : command.BanReason;
        found.Value.Ban(reason, command.BanExpiresIn is { } seconds ? now.AddSeconds(seconds) : null, now);

        // The same revocation as the operator's disable-user, in the same transaction as the ban.
        await SessionRevocation.RevokeAllAsync(db, found.Value.Id, exceptSessionId: null, SessionRevocationReason.UserDisabled, now, cancellationToken);
        audit.Record(AuditEventTypes.UserBanned, found.Value.Id, reason: reason);
        await db.SaveChangesAsync(cancellationToken);
        AuthMetrics.UserBanned();
        return AdminUserDto.Of(found.Value, now);
    }
}
