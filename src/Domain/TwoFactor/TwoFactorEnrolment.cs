using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.TwoFactor;

/// <summary>
/// A user's TOTP second factor. The shared secret is held only encrypted (the blob and the id of the key
/// that encrypted it); <see cref="Verified"/> turns true once the user has proven, with a first code,
/// that the authenticator app holds the secret. Until then sign-in does not ask for it.
/// <see cref="LastUsedStep"/> is the RFC 6238 time step of the last accepted code: a code is accepted
/// only for a later step, so a code seen once can never be replayed. Every attempt counts towards a
/// lockout (<see cref="FailedAttempts"/>, <see cref="LockedUntil"/>) whatever the challenge it was sent for;
/// the count is taken in the database before a code is judged (one conditional UPDATE, so concurrent
/// guesses cannot share a count) and cleared by <see cref="RecordSuccess"/>.
/// </summary>
public sealed class TwoFactorEnrolment
{
    private TwoFactorEnrolment()
    {
        Id = string.Empty;
        UserId = string.Empty;
        EncryptedSecret = [];
        EncryptionKeyId = string.Empty;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public byte[] EncryptedSecret { get; private set; }

    public string EncryptionKeyId { get; private set; }

    public bool Verified { get; private set; }

    public long? LastUsedStep { get; private set; }

    public int FailedAttempts { get; private set; }

    public DateTimeOffset? LockedUntil { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static TwoFactorEnrolment Start(string userId, byte[] encryptedSecret, string encryptionKeyId, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(userId) || encryptedSecret.Length == 0 || string.IsNullOrEmpty(encryptionKeyId))
        {
            throw new DomainRuleException("A TOTP enrolment needs a user and an encrypted secret.");
        }

        return new TwoFactorEnrolment
        {
            Id = RandomId.New(),
            UserId = userId,
            EncryptedSecret = encryptedSecret,
            EncryptionKeyId = encryptionKeyId,
            CreatedAt = now,
            UpdatedAt = now,
        };
    }

    /// <summary>A new secret (re-enrolment before the first one was verified): the old codes stop working.</summary>
    public void ReplaceSecret(byte[] encryptedSecret, string encryptionKeyId, DateTimeOffset now)
    {
        if (Verified)
        {
            throw new DomainRuleException("A verified TOTP secret is replaced only by disabling two-factor first.");
        }

        EncryptedSecret = encryptedSecret;
        EncryptionKeyId = encryptionKeyId;
        LastUsedStep = null;
        UpdatedAt = now;
    }

    /// <summary>The same secret under the current encryption key (after a secret rotation).</summary>
    public void Reencrypt(byte[] encryptedSecret, string encryptionKeyId, DateTimeOffset now)
    {
        EncryptedSecret = encryptedSecret;
        EncryptionKeyId = encryptionKeyId;
        UpdatedAt = now;
    }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;

    /// <summary>Whether a code of <paramref name="step"/> may still be accepted: only steps after the last accepted one.</summary>
    public bool AcceptsStep(long step) => LastUsedStep is not { } last || step > last;

    /// <summary>A code was accepted: remembers its step, clears the failure count, and marks the enrolment verified.</summary>
    public void RecordAcceptedCode(long step, DateTimeOffset now)
    {
        if (!AcceptsStep(step))
        {
            throw new DomainRuleException("A TOTP step is accepted at most once.");
        }

        LastUsedStep = step;
        RecordSuccess(now);
        Verified = true;
    }

    /// <summary>Any second factor of this user succeeded (a backup code too): the failure count starts over.</summary>
    public void RecordSuccess(DateTimeOffset now)
    {
        FailedAttempts = 0;
        LockedUntil = null;
        UpdatedAt = now;
    }
}
