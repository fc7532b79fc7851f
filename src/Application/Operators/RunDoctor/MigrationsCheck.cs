using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>The schema matches this version: no migration pending, none unknown (a newer version ran against it).</summary>
public sealed class MigrationsCheck : IDoctorCheck
{
    public string Name => "migrations";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.DatabaseObservation is null)
        {
            return DoctorResult.Skip("needs the database");
        }

        var schema = await context.Services.GetRequiredService<IDatabaseSchema>().ReadAsync(cancellationToken);
        var known = schema.Known;
        var pending = schema.Pending;
        var unknown = schema.Unknown;

        if (pending.Count > 0)
        {
            return DoctorResult.Fail(
                $"{pending.Count} of {known.Count} migration(s) not applied: {string.Join(", ", pending)}",
                "run the `migrate` command (or apply `migrate --script` yourself); AUTH_MIGRATE_ON_START=true applies them at start-up");
        }

        var summary = $"all {known.Count} migration(s) applied; latest {(known.Count == 0 ? "none" : known[^1])}";
        return unknown.Count > 0
            ? DoctorResult.Warn($"{summary}, plus {unknown.Count} this version does not know: {string.Join(", ", unknown)}",
                "a newer version of AuthPlatform has migrated this database: run that version, or make sure its schema changes are compatible")
            : DoctorResult.Pass(summary);
    }
}
