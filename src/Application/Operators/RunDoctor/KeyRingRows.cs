using AuthPlatform.Domain.SigningKeys;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>Every signing key row as stored, unfiltered; null when the schema has no key table yet (migrations not applied).</summary>
public interface ISigningKeyRows
{
    Task<IReadOnlyList<SigningKey>?> ReadAllAsync(CancellationToken cancellationToken);
}

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

        if (await context.Services.GetRequiredService<ISigningKeyRows>().ReadAllAsync(cancellationToken) is not { } keys)
        {
            return null; // migrations not applied: the migrations check says so
        }

        context.KeyRing = new KeyRingRows(keys, context.Clock.GetUtcNow());
        return context.KeyRing;
    }

    /// <summary>"active", "published", "retired": what a key is at <see cref="Now"/>, for messages.</summary>
    public string StatusOf(SigningKey key) => key.StatusAt(Now).ToString().ToLowerInvariant();
}
