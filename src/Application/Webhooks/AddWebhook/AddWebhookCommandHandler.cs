using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Webhooks;
using Mediator;

namespace AuthPlatform.Application.Webhooks.AddWebhook;

internal sealed class AddWebhookCommandHandler(IAuthDbContext db, IWebhookSecretProtector secrets, AuditTrail audit, TimeProvider clock)
    : ICommandHandler<AddWebhookCommand, Result<WebhookCreated>>
{
    public async ValueTask<Result<WebhookCreated>> Handle(AddWebhookCommand command, CancellationToken cancellationToken)
    {
        var id = RandomId.New();
        var secret = StandardWebhook.NewSecret();
        var head = await AuditChainHead.PositionAsync(db, cancellationToken);
        var endpoint = WebhookEndpoint.Register(command.Url!, command.Events ?? [], secrets.Protect(secret, id), secrets.CurrentKeyId, head, clock.GetUtcNow(), id);
        db.WebhookEndpoints.Add(endpoint);
        audit.Record(AuditEventTypes.WebhookAdded, subjectUserId: null, reason: endpoint.Url);
        await db.SaveChangesAsync(cancellationToken);
        return new WebhookCreated(WebhookDto.From(endpoint), secret);
    }
}
