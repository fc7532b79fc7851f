using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.Admin.DeleteOAuthClient;

internal sealed class DeleteOAuthClientCommandHandler(IOAuthClientRegistry registry, AuditTrail audit, IAuthDbContext db)
    : ICommandHandler<DeleteOAuthClientCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteOAuthClientCommand command, CancellationToken cancellationToken)
    {
        if (!await registry.DeleteAsync(command.ClientId!, cancellationToken))
        {
            return Errors.OAuthClientNotFound;
        }

        audit.Record(AuditEventTypes.OAuthClientDeleted, subjectUserId: null, reason: command.ClientId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
