using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Operators.MigrateDatabase;

/// <summary>
/// `migrate [--script]`: applies pending migrations, or with <see cref="ScriptOnly"/> returns the SQL of
/// every migration (idempotent) for operators who apply it themselves.
/// </summary>
public sealed record MigrateDatabaseCommand(bool ScriptOnly) : ICommand<Result<MigrateDatabaseResult>>;

/// <summary>The migrations applied by this run (empty: the schema was up to date), or the script.</summary>
public sealed record MigrateDatabaseResult(IReadOnlyList<string> Applied, string? Script);
