using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Application.SignInPipeline;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Admin.ImpersonateUser;

internal sealed class ImpersonateUserCommandHandler(IAuthDbContext db, AdminAuthorization authorization, SessionIssuer issuer, IOptions<AdminOptions> options)
    : ICommandHandler<ImpersonateUserCommand, Result<SignInOutcome>>
{
    public async ValueTask<Result<SignInOutcome>> Handle(ImpersonateUserCommand command, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, command.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var target = found.Value;
        if (authorization.IsAdministrator(target.Id, target.Role) && !options.Value.AllowImpersonatingAdmins
            && !authorization.Allows(command.ActorId, await authorization.RoleOfAsync(command.ActorId, cancellationToken), AdminAction.ImpersonateAdmins))
        {
            return AdminStatements.RefusalOf(AdminAction.ImpersonateAdmins);
        }

        var outcome = issuer.Impersonate(target, command.ActorId, options.Value.ImpersonationSessionDuration, command.AdminSession, command.Client);
        if (outcome.IsSuccess)
        {
            await db.SaveChangesAsync(cancellationToken);
            AuthMetrics.ImpersonationStarted();
        }

        return outcome;
    }
}
