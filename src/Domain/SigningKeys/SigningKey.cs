using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.SigningKeys;

/// <summary>
/// A key that signs JWTs. Its life is fixed by timestamps, so every instance reading the same row
/// agrees on its status at any instant without coordination:
/// created (published) → <see cref="ActivatesAt"/> (active, signs) → <see cref="RetiresAt"/> (retired,
/// still published) → <see cref="RemovesAt"/> (removed from the JWKS).
/// <see cref="RetiresAt"/> is set when a successor is created: it is the successor's activation time,
/// so exactly one key is active at any instant.
/// The private key is held only encrypted (<see cref="EncryptedPrivateKey"/>, under a key derived from
/// the service secret identified by <see cref="EncryptionKeyId"/>); the public key is a JWK.
/// </summary>
public sealed class SigningKey
{
    public const int MaxKeyIdLength = 64;

    private SigningKey()
    {
        Id = string.Empty;
        PublicJwk = string.Empty;
        EncryptedPrivateKey = [];
        EncryptionKeyId = string.Empty;
    }

    /// <summary>The key id ("kid"): the RFC 7638 JWK thumbprint of the public key, base64url.</summary>
    public string Id { get; private set; }

    public SigningAlgorithm Algorithm { get; private set; }

    /// <summary>The public key as a JWK (public members only, no kid/use/alg: those are added when published).</summary>
    public string PublicJwk { get; private set; }

    /// <summary>The private key, encrypted (AES-256-GCM); never stored in plain text.</summary>
    public byte[] EncryptedPrivateKey { get; private set; }

    /// <summary>Which secret-derived key encrypted <see cref="EncryptedPrivateKey"/> (a fingerprint, not the key).</summary>
    public string EncryptionKeyId { get; private set; }

    /// <summary>The key this one succeeds, if any. Unique: a key has at most one successor.</summary>
    public string? SucceedsKeyId { get; private set; }

    /// <summary>When the key was created and published.</summary>
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it starts signing.</summary>
    public DateTimeOffset ActivatesAt { get; private set; }

    /// <summary>When it stops signing (its successor's activation); null while it has no successor.</summary>
    public DateTimeOffset? RetiresAt { get; private set; }

    /// <summary>When it leaves the JWKS; null while it has no successor.</summary>
    public DateTimeOffset? RemovesAt { get; private set; }

    /// <summary>Last write to the row (creation, retirement, re-encryption): how instances notice changes.</summary>
    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>
    /// A new key. <paramref name="activatesAt"/> is normally <paramref name="now"/> + the publish-ahead
    /// time; only the very first key of an empty ring (nothing cached anywhere yet) or an emergency
    /// rotation activates at once.
    /// </summary>
    public static SigningKey Create(string keyId, SigningAlgorithm algorithm, string publicJwk, byte[] encryptedPrivateKey, string encryptionKeyId,
        DateTimeOffset now, DateTimeOffset activatesAt, string? succeedsKeyId = null)
    {
        if (string.IsNullOrEmpty(keyId) || keyId.Length > MaxKeyIdLength)
        {
            throw new DomainRuleException($"A signing key id has 1 to {MaxKeyIdLength} characters.");
        }

        if (string.IsNullOrEmpty(publicJwk) || encryptedPrivateKey is not { Length: > 0 } || string.IsNullOrEmpty(encryptionKeyId))
        {
            throw new DomainRuleException("A signing key needs its public JWK and its encrypted private key.");
        }

        if (activatesAt < now)
        {
            throw new DomainRuleException("A signing key cannot activate before it is created.");
        }

        return new SigningKey
        {
            Id = keyId,
            Algorithm = algorithm,
            PublicJwk = publicJwk,
            EncryptedPrivateKey = encryptedPrivateKey,
            EncryptionKeyId = encryptionKeyId,
            SucceedsKeyId = succeedsKeyId,
            CreatedAt = now,
            ActivatesAt = activatesAt,
            UpdatedAt = now,
        };
    }

    public SigningKeyStatus StatusAt(DateTimeOffset now) =>
        now >= RemovesAt ? SigningKeyStatus.Removed
        : now >= RetiresAt ? SigningKeyStatus.Retired
        : now >= ActivatesAt ? SigningKeyStatus.Active
        : SigningKeyStatus.Published;

    /// <summary>In the JWKS at <paramref name="now"/>: published, active or retired.</summary>
    public bool IsPublishedAt(DateTimeOffset now) => StatusAt(now) != SigningKeyStatus.Removed;

    /// <summary>
    /// Hands over to a successor: this key stops signing when the successor starts, and stays published
    /// for the retention time after that. Retiring twice keeps the first hand-over.
    /// </summary>
    public void RetireAt(DateTimeOffset successorActivatesAt, TimeSpan retainAfterRetirement, DateTimeOffset now)
    {
        if (RetiresAt is not null)
        {
            return;
        }

        if (successorActivatesAt < ActivatesAt)
        {
            throw new DomainRuleException("A key cannot retire before it activates.");
        }

        RetiresAt = successorActivatesAt;
        RemovesAt = successorActivatesAt + retainAfterRetirement;
        UpdatedAt = now;
    }

    /// <summary>
    /// Stops signing now (an emergency rotation): a key that signs or would sign later is retired at
    /// once. It stays published only while tokens it signed can still be valid (<paramref name="tokenValidity"/>:
    /// the JWT lifetime plus the clock skew verifiers allow), not for the routine retention: a key
    /// rotated out in an emergency must stop verifying as soon as nothing legitimate depends on it.
    /// A key retired earlier is held to the same bound.
    /// </summary>
    public void RetireNow(TimeSpan tokenValidity, DateTimeOffset now)
    {
        var retires = RetiresAt is { } earlier && earlier <= now ? earlier : (now > ActivatesAt ? now : ActivatesAt);
        var removes = retires + tokenValidity;
        if (RetiresAt == retires && RemovesAt <= removes)
        {
            return;
        }

        RetiresAt = retires;
        RemovesAt = RemovesAt is { } scheduled && scheduled < removes ? scheduled : removes;
        UpdatedAt = now;
    }

    /// <summary>
    /// Takes the key out of the JWKS at once (it is compromised): it stops signing, and tokens it signed
    /// stop verifying as soon as verifiers refetch the JWKS. Revoking twice keeps the first revocation.
    /// </summary>
    public void Revoke(DateTimeOffset now)
    {
        if (StatusAt(now) == SigningKeyStatus.Removed)
        {
            return;
        }

        RetiresAt = RetiresAt is { } retires && retires <= now ? retires : (now > ActivatesAt ? now : ActivatesAt);
        RemovesAt = now;
        UpdatedAt = now;
    }

    /// <summary>Replaces the encrypted private key (re-encryption under the current secret); the key itself is unchanged.</summary>
    public void Reencrypt(byte[] encryptedPrivateKey, string encryptionKeyId, DateTimeOffset now)
    {
        if (encryptedPrivateKey is not { Length: > 0 } || string.IsNullOrEmpty(encryptionKeyId))
        {
            throw new DomainRuleException("Re-encryption needs the new ciphertext and the id of the key that made it.");
        }

        EncryptedPrivateKey = encryptedPrivateKey;
        EncryptionKeyId = encryptionKeyId;
        UpdatedAt = now;
    }

    /// <summary>Whether a successor should be created now: the active key has signed long enough that its successor must be published.</summary>
    public bool NeedsSuccessorAt(DateTimeOffset now, SigningKeySchedule schedule) =>
        RetiresAt is null && now >= ActivatesAt + schedule.RotationInterval - schedule.PublishAhead;
}
