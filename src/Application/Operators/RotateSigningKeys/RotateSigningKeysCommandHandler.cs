using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.SigningKeys;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Operators.RotateSigningKeys;

/// <summary>
/// Runs under the rotation lock, inside one transaction: every instance that runs it at the same moment
/// sees the keys the previous one committed, so exactly one new key is created.
/// </summary>
internal sealed partial class RotateSigningKeysCommandHandler(
    IAuthDbContext db,
    ISigningKeyRotationLock rotationLock,
    ISigningKeyFactory factory,
    ISigningKeyProtector protector,
    ISigningKeyRing ring,
    TimeProvider clock,
    IOptions<JwtOptions> options,
    ILogger<RotateSigningKeysCommandHandler> logger,
    AuditTrail audit)
    : ICommandHandler<RotateSigningKeysCommand, Result<SigningKeyRotationOutcome>>
{
    public async ValueTask<Result<SigningKeyRotationOutcome>> Handle(RotateSigningKeysCommand command, CancellationToken cancellationToken)
    {
        var outcome = await rotationLock.RunExclusiveAsync(ct => RotateAsync(command, ct), cancellationToken);
        if (outcome is null)
        {
            return SigningKeyErrors.NotFound;
        }

        await ring.RefreshAsync(cancellationToken);

        if (outcome.CreatedKeyId is not null || outcome.Reencrypted > 0 || outcome.Deleted > 0)
        {
            Rotated(logger, command.Trigger, outcome.Action, outcome.CreatedKeyId, outcome.CreatedKeyActivatesAt, outcome.ActiveKeyId, outcome.Reencrypted, outcome.Deleted);
        }

        if (outcome.RevokedKeyId is not null)
        {
            Revoked(logger, command.Trigger, outcome.RevokedKeyId);
        }

        if (outcome.Unreadable > 0)
        {
            Unreadable(logger, outcome.Unreadable);
        }

        return outcome;
    }

    /// <summary>Null when the key to revoke does not exist (nothing is changed then).</summary>
    private async Task<SigningKeyRotationOutcome?> RotateAsync(RotateSigningKeysCommand command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var schedule = settings.ToSchedule();
        var algorithm = settings.ParsedAlgorithm;
        var keys = await db.SigningKeys.ToListAsync(cancellationToken);

        var removed = keys.Where(k => k.StatusAt(now) == SigningKeyStatus.Removed).ToList();
        db.SigningKeys.RemoveRange(removed);
        var live = keys.Except(removed).ToList();

        var emergency = command.ActivateImmediately;
        if (command.RevokeKeyId is { } revokeId)
        {
            if (keys.FirstOrDefault(k => k.Id == revokeId) is not { } revoked)
            {
                return null;
            }

            // A key that signs, or would, cannot be replaced by waiting: its successor must sign now.
            emergency |= revoked.StatusAt(now) is SigningKeyStatus.Active or SigningKeyStatus.Published;
            revoked.Revoke(now);
        }

        var (reencrypted, unreadable) = Reencrypt(live, now);

        var plan = SigningKeyRotationPlan.Decide(live, now, schedule, algorithm, command.Force, emergency);
        SigningKey? created = null;
        if (plan.Action != SigningKeyRotationAction.None)
        {
            var material = factory.Generate(algorithm);
            created = SigningKey.Create(material.KeyId, algorithm, material.PublicJwk, material.EncryptedPrivateKey, material.EncryptionKeyId,
                now, plan.ActivatesAt, plan.Current?.Id);
            if (emergency)
            {
                live.ForEach(k => k.RetireNow(schedule.TokenValidity, now));
            }
            else
            {
                plan.Current?.RetireAt(plan.ActivatesAt, schedule.RetainAfterRetirement, now);
            }

            db.SigningKeys.Add(created);
            live.Add(created);
        }

        if (plan.Action != SigningKeyRotationAction.None || command.RevokeKeyId is not null)
        {
            audit.Record(AuditEventTypes.SigningKeysRotated, subjectUserId: null, reason: $"{command.Trigger}: {plan.Action}{(command.RevokeKeyId is { } id ? $", revoked {id}" : string.Empty)}");
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SigningKeyRotationOutcome(plan.Action.ToString(), created?.Id, created?.ActivatesAt, live.ActiveAt(now)?.Id, reencrypted, unreadable, removed.Count, command.RevokeKeyId);
    }

    /// <summary>Keys still encrypted under a previous secret are moved to the current one, so that secret can be dropped.</summary>
    private (int Reencrypted, int Unreadable) Reencrypt(List<SigningKey> keys, DateTimeOffset now)
    {
        var (reencrypted, unreadable) = (0, 0);
        foreach (var key in keys.Where(k => k.EncryptionKeyId != protector.CurrentEncryptionKeyId))
        {
            if (protector.TryReencrypt(key, out var encrypted))
            {
                key.Reencrypt(encrypted, protector.CurrentEncryptionKeyId, now);
                reencrypted++;
            }
            else
            {
                unreadable++;
            }
        }

        return (reencrypted, unreadable);
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information,
        Message = "Signing keys rotated ({Trigger}): {Action}, created {CreatedKeyId} signing from {ActivatesAt}, active {ActiveKeyId}, re-encrypted {Reencrypted}, deleted {Deleted}")]
    private static partial void Rotated(ILogger logger, string trigger, string action, string? createdKeyId, DateTimeOffset? activatesAt, string? activeKeyId, int reencrypted, int deleted);

    [LoggerMessage(EventId = 3106, Level = LogLevel.Warning, Message = "Signing key {KeyId} revoked ({Trigger}): removed from the JWKS now")]
    private static partial void Revoked(ILogger logger, string trigger, string keyId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Error,
        Message = "{Count} signing key(s) cannot be decrypted with any configured secret: add the secret that encrypted them back to AUTH_SECRETS (after the current one)")]
    private static partial void Unreadable(ILogger logger, int count);
}
