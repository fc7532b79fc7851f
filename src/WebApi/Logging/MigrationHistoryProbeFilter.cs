using Serilog.Events;

namespace AuthPlatform.WebApi.Logging;

/// <summary>
/// On a database that has never been migrated, EF Core reads the migration history table before it
/// creates it, and logs the failed read as an Error ("Failed executing DbCommand ... __ef_migrations_history")
/// although the migration then succeeds. An operator would take that line for a failure, so exactly that
/// event is dropped; every other failed command is still logged.
/// </summary>
public static class MigrationHistoryProbeFilter
{
    private const string CommandSource = "Microsoft.EntityFrameworkCore.Database.Command";
    private const int CommandErrorEventId = 20102;

    public static bool IsHistoryProbe(LogEvent logEvent) =>
        logEvent.Properties.TryGetValue("SourceContext", out var source)
        && source is ScalarValue { Value: CommandSource }
        && logEvent.Properties.TryGetValue("EventId", out var eventId)
        && eventId is StructureValue id
        && id.Properties.Any(p => p.Name == "Id" && p.Value is ScalarValue { Value: CommandErrorEventId })
        && logEvent.Properties.TryGetValue("commandText", out var commandText)
        && commandText is ScalarValue { Value: string sql }
        && sql.Contains("__ef_migrations_history", StringComparison.Ordinal)
        && sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase);
}
