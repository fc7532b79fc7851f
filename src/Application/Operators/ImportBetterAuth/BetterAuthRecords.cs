using System.Text;

namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>A row of BetterAuth's "user" table with its credential account (providerId "credential"), if any.</summary>
public sealed record BetterAuthUser(
    string Id,
    string Name,
    string Email,
    bool EmailVerified,
    string? Image,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    BetterAuthCredential? Credential);

/// <summary>The password of a BetterAuth credential account: BetterAuth's "saltHex:keyHex" scrypt hash.</summary>
public sealed record BetterAuthCredential(string Id, string PasswordHash, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    // Never print a password hash (records print every property in ToString()).
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", PasswordHash = ***");
        return true;
    }
}

/// <summary>A row of BetterAuth's "session" table. BetterAuth stores the raw token; it is only ever digested here.</summary>
public sealed record BetterAuthSession(
    string Id,
    string UserId,
    string Token,
    DateTimeOffset ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? IpAddress,
    string? UserAgent)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Id = ").Append(Id).Append(", UserId = ").Append(UserId).Append(", Token = ***");
        return true;
    }
}
