using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AuthPlatform.WebApi.Cli.Doctor;

/// <summary>
/// The signing keys as the database holds them, read once per doctor run for the key checks, and the
/// instant they are judged at. Null when there is no database to read or its schema has no key table yet.
/// </summary>
public sealed record KeyRingRows(IReadOnlyList<SigningKey> Keys, DateTimeOffset Now)
{
    public static async Task<KeyRingRows?> ReadAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.KeyRing is { } read)
        {
            return read;
        }

        if (context.DatabaseObservation is null)
        {
            return null;
        }

        try
        {
            await using var db = await context.Services.GetRequiredService<IDbContextFactory<AuthDbContext>>().CreateDbContextAsync(cancellationToken);
            var keys = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
            context.KeyRing = new KeyRingRows(keys, context.Clock.GetUtcNow());
            return context.KeyRing;
        }
        catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.UndefinedTable or PostgresErrorCodes.UndefinedColumn)
        {
            return null; // migrations not applied: the migrations check says so
        }
    }

    /// <summary>"active", "published", "retired": what a key is at <see cref="Now"/>, for messages.</summary>
    public string StatusOf(SigningKey key) => key.StatusAt(Now).ToString().ToLowerInvariant();
}
