using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.ApiKeys;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.ApiKeys.CreateApiKey;

internal sealed class CreateApiKeyCommandHandler(IAuthDbContext db, IOptions<ApiKeyOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateApiKeyCommand, Result<ApiKeyDto>>
{
    public async ValueTask<Result<ApiKeyDto>> Handle(CreateApiKeyCommand command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        var prefix = command.Prefix ?? settings.DefaultPrefix;
        var secret = ApiKeySecret.Generate(prefix, settings.KeyLength);
        var expiresIn = command.ExpiresIn is { } seconds ? TimeSpan.FromSeconds(seconds) : settings.DefaultExpiresIn;
        var limits = new ApiKeyLimits(Remaining: null, RefillAmount: null, RefillInterval: null,
            settings.RateLimitEnabled, settings.RateLimitTimeWindow, settings.RateLimitMax);
        var key = ApiKey.Create(command.UserId, secret, prefix, command.Name, now + expiresIn, limits,
            permissions: null, command.Metadata?.GetRawText(), now);
        db.ApiKeys.Add(key);
        audit.Record(AuditEventTypes.ApiKeyCreated, command.UserId, reason: key.Id);
        await db.SaveChangesAsync(cancellationToken);
        return ApiKeyDto.From(key) with { Key = secret };
    }
}
