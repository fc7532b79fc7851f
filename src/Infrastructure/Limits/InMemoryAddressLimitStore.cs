using System.Collections.Concurrent;
using AuthPlatform.Application.Common.Limits;

namespace AuthPlatform.Infrastructure.Limits;

/// <summary>
/// The general per-address counters in this process's memory (the default, without Redis): each instance
/// counts on its own, so N instances allow up to N times the limit. Windows that have run out are dropped
/// every so often, so memory follows the number of active clients.
/// </summary>
public sealed class InMemoryAddressLimitStore : IAddressLimitStore
{
    private sealed class Window(DateTimeOffset start, TimeSpan length)
    {
        public DateTimeOffset Start = start;
        public TimeSpan Length = length;
        public long Hits;
    }

    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);
    private long _calls;

    public ValueTask<WindowCount> CountAsync(string key, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        var entry = _windows.GetOrAdd(key, static (_, state) => new Window(state.now, state.window), (now, window));
        WindowCount count;
        lock (entry)
        {
            if (entry.Start + window <= now)
            {
                (entry.Start, entry.Length, entry.Hits) = (now, window, 0);
            }

            count = new WindowCount(++entry.Hits, entry.Start);
        }

        if (Interlocked.Increment(ref _calls) % 4096 == 0)
        {
            Prune(now);
        }

        return ValueTask.FromResult(count);
    }

    private void Prune(DateTimeOffset now)
    {
        foreach (var (key, entry) in _windows)
        {
            bool over;
            lock (entry)
            {
                over = entry.Start + entry.Length <= now;
            }

            if (over)
            {
                _windows.TryRemove(new KeyValuePair<string, Window>(key, entry));
            }
        }
    }
}
