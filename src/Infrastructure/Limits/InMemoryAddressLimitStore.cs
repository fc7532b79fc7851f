using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Limits;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// The general per-address counters in this process's memory (the default, without Redis): each instance
/// counts on its own, so N instances allow up to N times the limit. Windows past their end are dropped
/// every so often, so memory follows the number of active clients.
/// </summary>
public sealed class InMemoryAddressLimitStore : IAddressLimitStore
{
    private sealed class Window(long start)
    {
        public long Start = start;
        public long Hits;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _calls;

    public ValueTask<long> CountAsync(string key, DateTimeOffset windowStart, TimeSpan window, CancellationToken cancellationToken)
    {
        var start = windowStart.UtcTicks;
        var entry = _windows.GetOrAdd(key, static (_, s) => new Window(s), start);
        long hit;
        lock (entry)
        {
            if (entry.Start < start)
            {
                (entry.Start, entry.Hits) = (start, 0);
            }

            hit = ++entry.Hits;
        }

        if (Interlocked.Increment(ref _calls) % 4096 == 0)
        {
            Prune(start - window.Ticks);
        }

        return ValueTask.FromResult(hit);
    }

    /// <summary>Windows older than the previous one can only start over: drop them.</summary>
    private void Prune(long before)
    {
        foreach (var (key, entry) in _windows)
        {
            if (Volatile.Read(ref entry.Start) < before)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, entry));
            }
        }
    }
}
