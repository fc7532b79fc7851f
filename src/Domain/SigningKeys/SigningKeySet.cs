namespace AuthPlatform.Domain.SigningKeys;

/// <summary>Questions about a set of keys at one instant: which signs, which are published, when that changes next.</summary>
public static class SigningKeySet
{
    /// <summary>The key that signs at <paramref name="now"/>, if any (the most recently activated active key).</summary>
    public static SigningKey? ActiveAt(this IEnumerable<SigningKey> keys, DateTimeOffset now) =>
        keys.Where(k => k.StatusAt(now) == SigningKeyStatus.Active).MaxBy(k => k.ActivatesAt);

    /// <summary>The keys in the JWKS at <paramref name="now"/>, newest first.</summary>
    public static IReadOnlyList<SigningKey> PublishedAt(this IEnumerable<SigningKey> keys, DateTimeOffset now) =>
        keys.Where(k => k.IsPublishedAt(now)).OrderByDescending(k => k.ActivatesAt).ThenBy(k => k.Id, StringComparer.Ordinal).ToList();

    /// <summary>The next instant after <paramref name="now"/> at which any key changes status; null when none will.</summary>
    public static DateTimeOffset? NextChangeAfter(this IEnumerable<SigningKey> keys, DateTimeOffset now) =>
        keys.SelectMany(k => new[] { k.ActivatesAt, k.RetiresAt, k.RemovesAt })
            .Where(t => t is { } instant && instant > now)
            .Min();
}
