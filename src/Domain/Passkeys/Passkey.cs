using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Passkeys;

/// <summary>
/// A WebAuthn credential a user registered: the authenticator's public key (COSE), its credential id and
/// the signature counter last seen. An assertion whose counter does not move forward (when the
/// authenticator keeps one) is refused: it may come from a cloned authenticator.
/// </summary>
public sealed class Passkey
{
    public const int MaxNameLength = 256;
    public const int MaxCredentialIdLength = 1023;

    private Passkey()
    {
        Id = string.Empty;
        UserId = string.Empty;
        CredentialId = [];
        PublicKey = [];
        DeviceType = string.Empty;
        Transports = string.Empty;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public string? Name { get; private set; }

    public byte[] CredentialId { get; private set; }

    public byte[] PublicKey { get; private set; }

    public long Counter { get; private set; }

    /// <summary>"singleDevice" or "multiDevice" (backup eligible), BetterAuth's words.</summary>
    public string DeviceType { get; private set; }

    public bool BackedUp { get; private set; }

    /// <summary>Comma-joined transports the authenticator reported ("usb,internal"), empty when none.</summary>
    public string Transports { get; private set; }

    public Guid? Aaguid { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public static Passkey Register(string userId, string? name, byte[] credentialId, byte[] publicKey, long counter, bool backupEligible, bool backedUp,
        string transports, Guid? aaguid, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(userId) || credentialId.Length is 0 or > MaxCredentialIdLength || publicKey.Length == 0)
        {
            throw new DomainRuleException("A passkey needs a user, a credential id of 1 to 1023 bytes and a public key.");
        }

        var passkey = new Passkey
        {
            Id = RandomId.New(),
            UserId = userId,
            CredentialId = credentialId,
            PublicKey = publicKey,
            Counter = counter,
            DeviceType = backupEligible ? "multiDevice" : "singleDevice",
            BackedUp = backedUp,
            Transports = transports,
            Aaguid = aaguid,
            CreatedAt = now,
        };
        passkey.Rename(name);
        return passkey;
    }

    public void Rename(string? name)
    {
        var trimmed = name?.Trim();
        if (trimmed is { Length: > MaxNameLength })
        {
            throw new DomainRuleException($"A passkey name is at most {MaxNameLength} characters.");
        }

        Name = string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    /// <summary>
    /// A verified assertion: the counter moves to <paramref name="counter"/>. Authenticators that keep no
    /// counter always send 0; one that keeps a counter must send a larger value each time.
    /// </summary>
    public bool TryAdvanceCounter(long counter, bool backedUp)
    {
        if ((counter > 0 || Counter > 0) && counter <= Counter)
        {
            return false;
        }

        Counter = counter;
        BackedUp = backedUp;
        return true;
    }
}
