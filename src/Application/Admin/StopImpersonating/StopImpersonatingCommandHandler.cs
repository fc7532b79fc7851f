using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.SignInPipeline;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Sessions;
using MapsterMapper;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.StopImpersonating;

internal sealed class StopImpersonatingCommandHandler(IAuthDbContext db, IMapper mapper, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<StopImpersonatingCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(StopImpersonatingCommand command, CancellationToken cancellationToken)
    {
        if (command.Current.Session.ImpersonatedBy is not { } administratorId)
        {
            return Errors.Admin.NotImpersonating;
        }

        if (command.HeldAdminToken is not { } heldToken)
        {
            return Errors.Admin.AdminSessionNotFound;
        }

        var now = clock.GetUtcNow();
        var digest = heldToken.ComputeDigest();
        var held = await (from s in db.Sessions.AsNoTracking()
                          where s.TokenDigest == digest
                          join u in db.Users.AsNoTracking() on s.UserId equals u.Id
                          select new { Session = s, User = u }).FirstOrDefaultAsync(cancellationToken);
        if (held is null || held.Session.UserId != administratorId || !held.Session.IsLiveAt(now) || held.User.IsDisabledAt(now))
        {
            return Errors.Admin.AdminSessionNotFound;
        }

        // Revoked rather than deleted, like every other end of a session: the change notification keeps every
        // instance's session cache coherent (ADR 0095), and the row says why it ended.
        var impersonation = await db.Sessions.FirstOrDefaultAsync(s => s.Id == command.Current.Session.Id, cancellationToken);
        impersonation?.Revoke(SessionRevocationReason.ImpersonationEnded, now);
        audit.Record(AuditEventTypes.ImpersonationStopped, command.Current.User.Id, actorId: administratorId);
        await db.SaveChangesAsync(cancellationToken);

        var restored = new AuthenticatedSession(heldToken, mapper.Map<SessionDto>(held.Session), mapper.Map<UserDto>(held.User), held.Session.RememberMe);
        return SignInOutcome.SignedIn(restored) with { ReleasesAdminSession = true };
    }
}
