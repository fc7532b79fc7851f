using AuthPlatform.Domain.Common;

namespace AuthPlatform.Domain.Users;

/// <summary>
/// The password of a user, held only as a self-describing hash string (a PHC string for Argon2id,
/// or an imported legacy format). One per user. The hash is replaced on password change and
/// transparently when its parameters are older than the configured ones (rehash on sign-in).
/// </summary>
public sealed class PasswordCredential
{
    private PasswordCredential()
    {
        Id = string.Empty;
        UserId = string.Empty;
        PasswordHash = string.Empty;
    }

    public string Id { get; private set; }

    public string UserId { get; private set; }

    public string PasswordHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static PasswordCredential Create(string userId, string passwordHash, DateTimeOffset now) =>
        Restore(RandomId.New(), userId, passwordHash, now, now);

    public static PasswordCredential Restore(string id, string userId, string passwordHash, DateTimeOffset createdAt, DateTimeOffset updatedAt)
    {
        RequireHash(passwordHash);
        return new PasswordCredential
        {
            Id = id,
            UserId = userId,
            PasswordHash = passwordHash,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
        };
    }

    public void ReplaceHash(string passwordHash, DateTimeOffset now)
    {
        RequireHash(passwordHash);
        PasswordHash = passwordHash;
        UpdatedAt = now;
    }

    private static void RequireHash(string passwordHash)
    {
        if (string.IsNullOrWhiteSpace(passwordHash))
        {
            throw new DomainRuleException("A password credential needs a hash.");
        }
    }
}
