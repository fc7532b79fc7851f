using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Webhooks.RemoveWebhook;

internal sealed class RemoveWebhookCommandHandler(IAuthDbContext db, AuditTrail audit) : ICommandHandler<RemoveWebhookCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(RemoveWebhookCommand command, CancellationToken cancellationToken)
    {
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(w => w.Id == command.Id, cancellationToken);
        if (endpoint is null)
        {
            return Errors.WebhookNotFound;
        }

        db.WebhookEndpoints.Remove(endpoint);
        audit.Record(AuditEventTypes.WebhookRemoved, subjectUserId: null, reason: endpoint.Url);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
