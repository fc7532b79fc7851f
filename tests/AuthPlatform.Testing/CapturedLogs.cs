using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace AuthPlatform.Testing;

/// <summary>A Serilog sink that keeps every event in memory, rendered, for assertions on log content.</summary>
public sealed class CapturedLogs : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => _events.ToArray();

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IEnumerable<string> RejectionReasons =>
        Events.Where(e => e.Properties.ContainsKey("RejectionReason"))
            .Select(e => ((ScalarValue)e.Properties["RejectionReason"]).Value?.ToString() ?? string.Empty);

    /// <summary>Every event rendered with all its properties, to search for leaked secrets.</summary>
    public string AllText => string.Join('\n', Events.Select(e =>
        e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture) + " " + string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}")) + " " + e.Exception));

    public void Clear() => _events.Clear();
}
