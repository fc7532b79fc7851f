namespace AuthPlatform.Infrastructure.Cleanup;

/// <summary>
/// One table the cleanup job keeps small: rows matching <see cref="Predicate"/> (SQL over the table's
/// columns, with $1 the cutoff time) are deleted. A new table of expiring rows is one more entry in
/// <see cref="CleanupTargets"/>.
/// </summary>
/// <param name="Table">Table name (a constant of the code, never input).</param>
/// <param name="Predicate">Which rows are dead, e.g. "expires_at &lt; $1"; should be served by an index.</param>
/// <param name="Cutoff">The $1 value for a run at a given time.</param>
public sealed record CleanupTarget(string Table, string Predicate, Func<DateTimeOffset, DateTimeOffset> Cutoff);
