using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.WebApi.Cli.Doctor;

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

        await using var db = await context.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(cancellationToken);
        var known = db.Database.GetMigrations().ToList();
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var pending = known.Except(applied, StringComparer.Ordinal).ToList();
        var unknown = applied.Except(known, StringComparer.Ordinal).ToList();

        if (pending.Count > 0)
        {
            return DoctorResult.Fail(
                $"{pending.Count} of {known.Count} migration(s) not applied: {string.Join(", ", pending)}",
                "run the `migrate` command (or apply `migrate --script` yourself); AUTH_MIGRATE_ON_START=true applies them at start-up");
        }

        var summary = $"all {known.Count} migration(s) applied; latest {known.LastOrDefault() ?? "none"}";
        return unknown.Count > 0
            ? DoctorResult.Warn($"{summary}, plus {unknown.Count} this version does not know: {string.Join(", ", unknown)}",
                "a newer version of AuthPlatform has migrated this database: run that version, or make sure its schema changes are compatible")
            : DoctorResult.Pass(summary);
    }
}
