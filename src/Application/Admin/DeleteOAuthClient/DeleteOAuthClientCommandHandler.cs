using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;

namespace AuthPlatform.Application.Admin.DeleteOAuthClient;

internal sealed class DeleteOAuthClientCommandHandler(IOAuthClientRegistry registry, AuditTrail audit)
    : ICommandHandler<DeleteOAuthClientCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteOAuthClientCommand command, CancellationToken cancellationToken)
    {
        // The deletion and its audit event commit in one transaction (the registry's).
        var deleted = await registry.DeleteAsync(command.ClientId!,
            () => audit.Record(AuditEventTypes.OAuthClientDeleted, subjectUserId: null, reason: command.ClientId), cancellationToken);
        if (!deleted)
        {
            return Errors.OAuthClientNotFound;
        }

        return true;
    }
}
