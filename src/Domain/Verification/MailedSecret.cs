using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Verification;

/// <summary>
/// A magic link or a one-time code that was mailed to an address (which may have no account yet): the
/// digest of the secret, never the secret, what it is for, how many guesses it has taken and when it ends.
/// A link is looked up by its digest; a code by its address and kind (the newest one counts), and judged by
/// comparing digests after an attempt was taken (docs/adr/0125-magic-links-and-email-codes.md).
/// </summary>
public sealed class MailedSecret
{
    private MailedSecret()
    {
        Id = string.Empty;
        Email = string.Empty;
        Digest = [];
    }

    public string Id { get; private set; }

    public MailedSecretKind Kind { get; private set; }

    /// <summary>The address it was mailed to (canonical form).</summary>
    public string Email { get; private set; }

    /// <summary>A link's <see cref="OpaqueTokenDigest"/>, or a code's keyed HMAC.</summary>
    public byte[] Digest { get; private set; }

    /// <summary>The name a magic link's sign-up gives a new user.</summary>
    public string? Name { get; private set; }

    /// <summary>Guesses taken (codes only), counted in SQL before a guess is judged.</summary>
    public int Attempts { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    /// <summary>Set once, atomically, by the request that used it.</summary>
    public DateTimeOffset? ConsumedAt { get; private set; }

    public static MailedSecret Issue(MailedSecretKind kind, string email, byte[] digest, string? name, TimeSpan lifetime, DateTimeOffset now)
    {
        if (lifetime <= TimeSpan.Zero)
        {
            throw new DomainRuleException("A mailed secret needs a positive lifetime.");
        }

        return new MailedSecret
        {
            Id = RandomId.New(),
            Kind = kind,
            Email = email,
            Digest = digest,
            Name = name,
            CreatedAt = now,
            ExpiresAt = now + lifetime,
        };
    }

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;
}
