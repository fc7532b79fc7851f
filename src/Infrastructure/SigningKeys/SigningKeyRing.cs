using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Tokens;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Infrastructure.Persistence;
using AuthPlatform.Infrastructure.Persistence.Resilience;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// This instance's signing keys, in memory. A load reads every key row, decrypts the private keys that
/// sign now or will sign next (once per key, reused across loads), and computes the view for the
/// current instant: the active key and the JWKS bytes. The view carries the instant of the next status
/// change, so a key activates, retires or leaves the JWKS on time without a database round trip.
/// Loads happen at start-up, after a rotation, and when <see cref="HasChangedAsync"/> sees another
/// instance's change; requests never touch the database or decrypt anything here.
/// </summary>
public sealed partial class SigningKeyRing(
    IDbContextFactory<AuthDbContext> contextFactory,
    SqlCommandRetry sql,
    SigningKeyEncryption encryption,
    TimeProvider clock,
    IOptions<JwtOptions> options,
    ILogger<SigningKeyRing> logger) : ISigningKeyRing, IDisposable
{
    // One cheap query that changes whenever any row is added, removed, retired or re-encrypted.
    private const string VersionSql =
        "select coalesce(md5(string_agg(id || '|' || updated_at::text || '|' || encryption_key_id, ',' order by id)), '') from signing_keys";

    private readonly SemaphoreSlim _loadGate = new(1, 1);
    private Snapshot? _snapshot;
    private View? _view;

    public JwksDocument? Jwks => CurrentView()?.Jwks;

    public SigningKeyRingStatus Status => CurrentView() is { } view ? view.Status : SigningKeyRingStatus.NotLoaded;

    /// <summary>The key that signs now; null when none is usable.</summary>
    public JwsSigningKey? ActiveSigningKey() => CurrentView()?.Active;

    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (_snapshot is null)
        {
            await RefreshAsync(cancellationToken);
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await _loadGate.WaitAsync(cancellationToken);
        try
        {
            var version = await ReadVersionAsync(cancellationToken);
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var keys = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
            var snapshot = new Snapshot(version, keys, Decrypt(keys, _snapshot));
            _snapshot = snapshot;
            _view = Compute(snapshot, clock.GetUtcNow());
        }
        finally
        {
            _loadGate.Release();
        }
    }

    /// <summary>True when the keys in the database differ from the ones loaded here (or none are loaded).</summary>
    public async Task<bool> HasChangedAsync(CancellationToken cancellationToken) =>
        _snapshot is not { } snapshot || await ReadVersionAsync(cancellationToken) != snapshot.Version;

    /// <summary>
    /// True when a rotation run has work to do by the loaded keys: no active key, a successor due, a key
    /// past its removal, or a key still encrypted under a previous secret.
    /// </summary>
    public bool IsMaintenanceDue(DateTimeOffset now)
    {
        if (_snapshot is not { } snapshot)
        {
            return true;
        }

        var settings = options.Value;
        var plan = SigningKeyRotationPlan.Decide(snapshot.Keys, now, settings.ToSchedule(), settings.ParsedAlgorithm);
        return plan.Action != SigningKeyRotationAction.None
            || snapshot.Keys.Any(k => k.StatusAt(now) == SigningKeyStatus.Removed || k.EncryptionKeyId != encryption.CurrentEncryptionKeyId);
    }

    private View? CurrentView()
    {
        var view = _view;
        if (view is null || view.ValidUntil is not { } until || clock.GetUtcNow() < until)
        {
            return view;
        }

        // A key changed status since the view was computed: recompute from the loaded keys (no I/O).
        var recomputed = Compute(_snapshot!, clock.GetUtcNow());
        _view = recomputed;
        return recomputed;
    }

    private async Task<string> ReadVersionAsync(CancellationToken cancellationToken)
    {
        return await sql.RunAsync(SqlCommandKind.Read, async (connection, ct) =>
        {
            await using var command = new NpgsqlCommand(VersionSql, connection);
            return (string)(await command.ExecuteScalarAsync(ct))!;
        }, cancellationToken);
    }

    /// <summary>Decrypts keys that sign now or later; keys already decrypted by the previous load are reused.</summary>
    private Dictionary<string, JwsSigningKey> Decrypt(IReadOnlyList<SigningKey> keys, Snapshot? previous)
    {
        var now = clock.GetUtcNow();
        var signers = new Dictionary<string, JwsSigningKey>(StringComparer.Ordinal);
        foreach (var key in keys.Where(k => k.StatusAt(now) is SigningKeyStatus.Active or SigningKeyStatus.Published))
        {
            if (previous?.Signers.TryGetValue(key.Id, out var known) == true)
            {
                signers[key.Id] = known;
            }
            else if (encryption.TryDecrypt(key, out var privateKey))
            {
                signers[key.Id] = JwsSigningKey.Create(key.Id, key.Algorithm, privateKey);
            }
            else
            {
                Undecryptable(logger, key.Id, key.EncryptionKeyId);
            }
        }

        return signers;
    }

    private static View Compute(Snapshot snapshot, DateTimeOffset now)
    {
        var published = snapshot.Keys.PublishedAt(now);
        var active = snapshot.Keys.ActiveAt(now);
        JwsSigningKey? signer = null;
        string? problem = null;
        if (active is null)
        {
            problem = "No signing key is active.";
        }
        else if (!snapshot.Signers.TryGetValue(active.Id, out signer))
        {
            problem = $"The active signing key {active.Id} cannot be decrypted with the configured secrets.";
        }

        var status = new SigningKeyRingStatus(true, signer?.KeyId, signer?.Algorithm.JoseName(), published.Count, problem);
        return new View(signer, BuildJwks(published), status, snapshot.Keys.NextChangeAfter(now));
    }

    /// <summary>{"keys":[...]}: each stored public JWK plus kid, use and alg. Public members only, by construction.</summary>
    private static JwksDocument BuildJwks(IReadOnlyList<SigningKey> published)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("keys");
            foreach (var key in published)
            {
                writer.WriteStartObject();
                using var jwk = JsonDocument.Parse(key.PublicJwk);
                foreach (var member in jwk.RootElement.EnumerateObject())
                {
                    member.WriteTo(writer);
                }

                writer.WriteString("kid", key.Id);
                writer.WriteString("use", "sig");
                writer.WriteString("alg", key.Algorithm.JoseName());
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        var json = stream.ToArray();
        var etag = "\"" + Base64Url.EncodeToString(SHA256.HashData(json).AsSpan(0, 16)) + "\"";
        var algorithms = published.Select(k => k.Algorithm.JoseName()).Distinct(StringComparer.Ordinal).ToList();
        return new JwksDocument(json, etag, algorithms);
    }

    public void Dispose() => _loadGate.Dispose();

    private sealed record Snapshot(string Version, IReadOnlyList<SigningKey> Keys, Dictionary<string, JwsSigningKey> Signers);

    private sealed record View(JwsSigningKey? Active, JwksDocument Jwks, SigningKeyRingStatus Status, DateTimeOffset? ValidUntil);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Error,
        Message = "Signing key {KeyId} cannot be decrypted (encrypted under {EncryptionKeyId}, which no configured secret derives): add that secret back to AUTH_SECRETS")]
    private static partial void Undecryptable(ILogger logger, string keyId, string encryptionKeyId);
}
