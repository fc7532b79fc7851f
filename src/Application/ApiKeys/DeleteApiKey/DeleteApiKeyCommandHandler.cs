using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.DeleteApiKey;

internal sealed class DeleteApiKeyCommandHandler(IAuthDbContext db, AuditTrail audit) : ICommandHandler<DeleteApiKeyCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteApiKeyCommand command, CancellationToken cancellationToken)
    {
        var deleted = await db.ApiKeys.Where(k => k.Id == command.KeyId && k.UserId == command.UserId).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
        {
            return Errors.ApiKeys.KeyNotFound;
        }

        audit.Record(AuditEventTypes.ApiKeyDeleted, command.UserId, reason: command.KeyId);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
