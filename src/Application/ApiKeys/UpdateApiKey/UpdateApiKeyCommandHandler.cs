using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.ApiKeys.UpdateApiKey;

internal sealed class UpdateApiKeyCommandHandler(IAuthDbContext db, TimeProvider clock) : ICommandHandler<UpdateApiKeyCommand, Result<ApiKeyDto>>
{
    public async ValueTask<Result<ApiKeyDto>> Handle(UpdateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.KeyId && k.UserId == command.UserId, cancellationToken);
        if (key is null)
        {
            return Errors.ApiKeys.KeyNotFound;
        }

        var now = clock.GetUtcNow();
        DateTimeOffset? expiresAt = command.ExpiresIn is { } seconds ? now + TimeSpan.FromSeconds(seconds) : null;
        key.Update(command.Name, command.Enabled, expiresAt, command.ClearExpiry, command.Metadata?.GetRawText(), now);
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyDto.From(key);
    }
}
