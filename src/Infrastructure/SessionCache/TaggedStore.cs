using System.Collections.Concurrent;

namespace AuthPlatform.Infrastructure.SessionCache;

/// <summary>
/// One kind of cached entry (sessions, memberships, API keys), each filed under the <see cref="CacheTags"/> of the
/// rows it was read from, so that one change notification removes exactly the entries it makes stale.
/// Reads are lock-free; <see cref="Add"/>, <see cref="RemoveTagged"/> and <see cref="Clear"/> run under the lock of
/// the owning <see cref="InProcessSessionCache"/>, which also decides whether an entry may be stored at all.
/// </summary>
internal sealed class TaggedStore<TKey, TValue>(int maxEntries, long maxAgeMs)
    where TKey : notnull
    where TValue : class
{
    private readonly ConcurrentDictionary<TKey, Entry> _entries = new();
    private readonly Dictionary<string, HashSet<TKey>> _byTag = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue? value)
    {
        if (_entries.TryGetValue(key, out var found) && Environment.TickCount64 - found.StoredAt <= maxAgeMs)
        {
            value = found.Value;
            return true;
        }

        value = null;
        return false;
    }

    public void Add(TKey key, TValue value, string[] tags)
    {
        if (_entries.ContainsKey(key))
        {
            Remove(key); // stored again: its tags may differ from the old entry's
        }
        else if (_entries.Count >= maxEntries)
        {
            MakeRoom();
        }

        foreach (var tag in tags)
        {
            if (!_byTag.TryGetValue(tag, out var keys))
            {
                _byTag[tag] = keys = [];
            }

            keys.Add(key);
        }

        _entries[key] = new Entry(value, Environment.TickCount64, tags);
    }

    public void RemoveTagged(string tag)
    {
        // The tag leaves the index first, so removing its entries below never touches the set being walked.
        if (_byTag.Remove(tag, out var keys))
        {
            foreach (var key in keys)
            {
                Remove(key);
            }
        }
    }

    public void Clear()
    {
        _entries.Clear();
        _byTag.Clear();
    }

    private void Remove(TKey key)
    {
        if (!_entries.TryRemove(key, out var entry))
        {
            return;
        }

        foreach (var tag in entry.Tags)
        {
            if (_byTag.TryGetValue(tag, out var keys) && keys.Remove(key) && keys.Count == 0)
            {
                _byTag.Remove(tag);
            }
        }
    }

    /// <summary>Full: drop the oldest entries down to 90 % (amortised: once per tenth of the capacity stored).</summary>
    private void MakeRoom()
    {
        var keep = maxEntries * 9 / 10;
        var stored = _entries.Select(pair => pair.Value.StoredAt).ToArray();
        Array.Sort(stored);
        var cutoff = stored[Math.Max(0, stored.Length - keep)];
        foreach (var (key, entry) in _entries)
        {
            if (entry.StoredAt < cutoff || Environment.TickCount64 - entry.StoredAt > maxAgeMs)
            {
                Remove(key);
            }
        }

        // Entries stored within the same clock tick share a time: whatever is still over goes regardless.
        foreach (var (key, _) in _entries)
        {
            if (_entries.Count <= keep)
            {
                break;
            }

            Remove(key);
        }
    }

    private readonly record struct Entry(TValue Value, long StoredAt, string[] Tags);
}
