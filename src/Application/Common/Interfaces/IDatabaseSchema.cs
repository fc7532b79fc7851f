namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>The migrations this version knows and those the database has applied.</summary>
public sealed record DatabaseSchemaState(IReadOnlyList<string> Known, IReadOnlyList<string> Applied)
{
    public IReadOnlyList<string> Pending => [.. Known.Except(Applied, StringComparer.Ordinal)];

    /// <summary>Applied by a newer version of the service.</summary>
    public IReadOnlyList<string> Unknown => [.. Applied.Except(Known, StringComparer.Ordinal)];
}

/// <summary>The database schema: what is applied, applying what is pending, the SQL for doing it by hand.</summary>
public interface IDatabaseSchema
{
    Task<DatabaseSchemaState> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Applies pending migrations; returns their names (empty when the schema was up to date).</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>The SQL of every migration, idempotent, for operators who apply it themselves.</summary>
    Task<string> ScriptAsync(CancellationToken cancellationToken);
}
