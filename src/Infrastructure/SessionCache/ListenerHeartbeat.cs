using System.Globalization;
using System.Security.Cryptography;
using Npgsql;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// Proof that the listener is subscribed, not only connected: a notification on a channel of this
/// listener's own, committed by a second connection, must come back through the listening connection.
/// That is the path every change notification takes, so an echo shows the subscription works and, since
/// notifications arrive in commit order, that every change committed before the heartbeat was sent has
/// been applied. A round trip on the listening connection itself (SELECT 1, or a NOTIFY it sends) proves
/// neither: behind a transaction-mode pooler the LISTEN stays on whichever server connection ran it and
/// reaches this client only while that one happens to be lent to it, and PostgreSQL hands a session its own
/// notifications inside its own transaction. Payloads are sequence numbers, never a token or anything of a user.
/// </summary>
internal sealed class ListenerHeartbeat(NpgsqlConnection sender, TimeSpan bound) : IAsyncDisposable
{
    /// <summary>Application name of the sending connection, next to the listener's in pg_stat_activity.</summary>
    public const string ApplicationName = "authplatform-session-heartbeat";

    private long _sequence;
    private long _pending; // sequence of the heartbeat awaiting its echo; 0 when none
    private long _sentAt; // Environment.TickCount64 when the last heartbeat was sent
    private Task _sending = Task.CompletedTask;

    /// <summary>A channel no other listener uses, so instances do not hear each other's heartbeats.</summary>
    public string Channel { get; } = "auth_session_heartbeat_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    /// <summary>True once a heartbeat has come back over this listening connection.</summary>
    public bool EverEchoed { get; private set; }

    public long SentAt => _sentAt;

    public bool AwaitingEcho => _pending != 0;

    public static async Task<ListenerHeartbeat> OpenAsync(string connectionString, TimeSpan bound, CancellationToken cancellationToken)
    {
        var sender = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ApplicationName }.ConnectionString);
        try
        {
            await sender.OpenAsync(cancellationToken);
            return new ListenerHeartbeat(sender, bound);
        }
        catch
        {
            await sender.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits a heartbeat notification from the second connection; its echo is awaited on the listener.</summary>
    public async Task SendAsync(CancellationToken cancellationToken)
    {
        // The previous send's answer follows its echo within moments; it also surfaces a failed send.
        await _sending;
        _pending = ++_sequence;
        _sentAt = Environment.TickCount64;
        _sending = NotifyAsync(_pending, cancellationToken);
    }

    /// <summary>A notification on <see cref="Channel"/> arrived: the send time of the heartbeat it echoes, or null for an old one.</summary>
    public long? Echoed(string payload)
    {
        if (_pending == 0 || payload != _pending.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        _pending = 0;
        EverEchoed = true;
        return _sentAt;
    }

    /// <summary>Throws when the heartbeat was not echoed within the bound: the send's own error when it failed.</summary>
    public void ThrowIfOverdue()
    {
        if (_pending == 0 || Environment.TickCount64 - _sentAt <= bound.TotalMilliseconds)
        {
            return;
        }

        if (_sending.IsFaulted || _sending.IsCanceled)
        {
            _sending.GetAwaiter().GetResult();
        }

        throw new HeartbeatNotEchoedException(EverEchoed, bound);
    }

    /// <summary>
    /// One heartbeat on a listening connection of its own, as `doctor` checks the listener's URL: how long the
    /// echo took, or null when it did not come back within <paramref name="bound"/>.
    /// </summary>
    public static async Task<TimeSpan?> ProbeAsync(string connectionString, TimeSpan bound, CancellationToken cancellationToken)
    {
        await using var heartbeat = await OpenAsync(connectionString, bound, cancellationToken);
        await using var listener = new NpgsqlConnection(connectionString);
        long? echoedSentAt = null;
        listener.Notification += (_, e) => echoedSentAt ??= e.Channel == heartbeat.Channel ? heartbeat.Echoed(e.Payload) : null;
        await listener.OpenAsync(cancellationToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {heartbeat.Channel}", listener))
        {
            await listen.ExecuteNonQueryAsync(cancellationToken);
        }

        await heartbeat.SendAsync(cancellationToken);
        while (echoedSentAt is null && heartbeat.UntilOverdue() > 0)
        {
            await listener.WaitAsync((int)heartbeat.UntilOverdue(), cancellationToken);
        }

        return echoedSentAt is { } sentAt ? TimeSpan.FromMilliseconds(Environment.TickCount64 - sentAt) : null;
    }

    /// <summary>Milliseconds until the pending heartbeat is overdue.</summary>
    public long UntilOverdue() => _sentAt + (long)bound.TotalMilliseconds - Environment.TickCount64;

    private async Task NotifyAsync(long sequence, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", sender);
        notify.Parameters.Add(new NpgsqlParameter { Value = Channel });
        notify.Parameters.Add(new NpgsqlParameter { Value = sequence.ToString(CultureInfo.InvariantCulture) });
        await notify.ExecuteNonQueryAsync(timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _sending; // cancelled within the bound at the latest; the connection cannot close under it
        }
        catch (Exception)
        {
            // Already reported as the heartbeat's failure, or the listener is stopping.
        }

        await sender.DisposeAsync();
    }
}

/// <summary>The listener's heartbeat did not come back in time: the subscription cannot be trusted.</summary>
internal sealed class HeartbeatNotEchoedException(bool everEchoed, TimeSpan bound)
    : Exception($"The session listener's heartbeat notification did not come back within {bound.TotalMilliseconds} ms.")
{
    /// <summary>False when no heartbeat ever came back on this connection: LISTEN never reached it.</summary>
    public bool EverEchoed => everEchoed;
}
