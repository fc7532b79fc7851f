namespace AuthPlatform.Application.Operators.ImportBetterAuth;

/// <summary>A BetterAuth database opened for reading: one consistent snapshot, never written.</summary>
public interface IBetterAuthSource : IAsyncDisposable
{
    /// <summary>host:port/database of the source (never user or password).</summary>
    string Description { get; }

    Task<BetterAuthSourceSummary> SummarizeAsync(CancellationToken cancellationToken);

    /// <summary>Users with their newest credential account, in id order, <paramref name="batchSize"/> at a time.</summary>
    IAsyncEnumerable<IReadOnlyList<BetterAuthUser>> ReadUsersAsync(int batchSize, CancellationToken cancellationToken);

    /// <summary>Sessions that have not expired by the source database's clock, in id order.</summary>
    IAsyncEnumerable<IReadOnlyList<BetterAuthSession>> ReadLiveSessionsAsync(int batchSize, CancellationToken cancellationToken);
}

/// <summary>Opens a BetterAuth database. Throws <see cref="BetterAuthSourceException"/> when it cannot be read.</summary>
public interface IBetterAuthSourceConnector
{
    /// <param name="location">A postgres:// URL or an Npgsql connection string, without a password.</param>
    /// <param name="password">The password, from wherever the caller took it (never a command line).</param>
    Task<IBetterAuthSource> OpenAsync(string location, string? password, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="location"/> carries a password of its own (user:password@, ?password=, Password=).</summary>
    bool CarriesPassword(string location);
}

/// <summary>What a BetterAuth database holds, counted before an import starts.</summary>
public sealed record BetterAuthSourceSummary(
    long Users,
    long CredentialAccounts,
    long OtherAccounts,
    long LiveSessions,
    long ExpiredSessions);

/// <summary>The source of an import is not a BetterAuth database this service can read. The message says why; it never holds a password.</summary>
public sealed class BetterAuthSourceException(string message, Exception? inner = null) : Exception(message, inner);
