namespace AuthPlatform.Infrastructure.BetterAuth;

/// <summary>What a BetterAuth database holds, counted before an import starts.</summary>
public sealed record BetterAuthSourceSummary(
    long Users,
    long CredentialAccounts,
    long OtherAccounts,
    long LiveSessions,
    long ExpiredSessions);
