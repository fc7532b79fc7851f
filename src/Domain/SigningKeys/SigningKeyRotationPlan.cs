namespace AuthPlatform.Domain.SigningKeys;

/// <summary>What a rotation run must do, decided from the keys as they are at one instant.</summary>
public enum SigningKeyRotationAction
{
    /// <summary>Nothing: a key signs and its successor, if due, already exists.</summary>
    None,

    /// <summary>No key signs (empty ring, or every key removed): create one that signs at once.</summary>
    CreateActive,

    /// <summary>Create the active key's successor, published now, signing after the publish-ahead time.</summary>
    CreateSuccessor,
}

/// <summary>The decision of a rotation run, with the key to hand over from when a successor is created.</summary>
public sealed record SigningKeyRotationPlan(SigningKeyRotationAction Action, SigningKey? Current, DateTimeOffset ActivatesAt)
{
    /// <summary>
    /// Decides what to do with <paramref name="keys"/> at <paramref name="now"/>. A successor is due when
    /// the active key has signed for the rotation interval minus the publish-ahead time, when the
    /// configured algorithm differs from the active key's, or when <paramref name="force"/> is set
    /// (operator command) and the active key has no successor yet. <paramref name="activateImmediately"/>
    /// (a compromised key) makes the successor sign at once.
    /// </summary>
    public static SigningKeyRotationPlan Decide(IReadOnlyCollection<SigningKey> keys, DateTimeOffset now, SigningKeySchedule schedule,
        SigningAlgorithm configuredAlgorithm, bool force = false, bool activateImmediately = false)
    {
        var active = keys.Where(k => k.StatusAt(now) == SigningKeyStatus.Active).MaxBy(k => k.ActivatesAt);
        if (active is null)
        {
            // A published key waiting to activate will sign soon; with none, the ring is empty or dead.
            return keys.Any(k => k.StatusAt(now) == SigningKeyStatus.Published) && !activateImmediately
                ? new(SigningKeyRotationAction.None, null, now)
                : new(SigningKeyRotationAction.CreateActive, null, now);
        }

        var hasSuccessor = active.RetiresAt is not null;
        if (activateImmediately)
        {
            return new(SigningKeyRotationAction.CreateSuccessor, active, now);
        }

        var due = force || active.NeedsSuccessorAt(now, schedule) || active.Algorithm != configuredAlgorithm;
        return due && !hasSuccessor
            ? new(SigningKeyRotationAction.CreateSuccessor, active, now + schedule.PublishAhead)
            : new(SigningKeyRotationAction.None, active, now);
    }
}
