using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.DeleteApiKey;

/// <summary>
/// The key and its audit event in one save (one transaction); a tracked removal, so the writing instance's own
/// cache drops the key at once (LocalSessionInvalidation) while the trigger tells the others.
/// </summary>
internal sealed class DeleteApiKeyCommandHandler(IAuthDbContext db, AuditTrail audit) : ICommandHandler<DeleteApiKeyCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(DeleteApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.UserId == command.UserId, cancellationToken);
        if (key is null)
        {
            return Errors.ApiKeys.KeyNotFound;
        }

        db.ApiKeys.Remove(key);
        audit.Record(AuditEventTypes.ApiKeyDeleted, command.UserId, reason: command.KeyId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Errors.ApiKeys.KeyNotFound; // deleted meanwhile by another request: nothing was written
        }

        return true;
    }
}
