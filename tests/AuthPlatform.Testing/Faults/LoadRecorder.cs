using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace AuthPlatform.Testing.Faults;

/// <summary>One HTTP exchange of a load run, with what a fault test asserts on.</summary>
/// <param name="Status">HTTP status, or 0 when no response came back (connection refused or reset).</param>
/// <param name="ClearedCookie">The response expired the session cookie (a "signed out" answer).</param>
/// <param name="NullBody">The body was JSON null (get-session: "no session").</param>
/// <param name="UserId">The user id in a session or sign-in answer, if any.</param>
public sealed record LoadResult(
    string Operation,
    int Worker,
    double StartMs,
    double EndMs,
    int Status,
    bool RetryAfter,
    bool ClearedCookie,
    bool NullBody,
    string? UserId,
    string? Error)
{
    public double DurationMs => EndMs - StartMs;

    public bool IsServerError => Status >= 500;

    /// <summary>True when the request was being processed at <paramref name="fromMs"/>..<paramref name="toMs"/>.</summary>
    public bool OverlapsWindow(double fromMs, double toMs) => StartMs <= toMs && EndMs >= fromMs;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Operation} w{Worker} {StartMs:0}-{EndMs:0} ms -> {Status}{(RetryAfter ? " retry-after" : string.Empty)}{(ClearedCookie ? " cleared-cookie" : string.Empty)}{(NullBody ? " null" : string.Empty)}{(Error is null ? string.Empty : " " + Error)}");
}

/// <summary>
/// Every response of a load run, time-stamped on one clock that the test also uses to mark fault events
/// (outage start, database back, kill), so assertions can ask "what happened between these instants".
/// </summary>
public sealed class LoadRecorder(bool retainResults = true)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly ConcurrentQueue<LoadResult> _results = new();
    private readonly ConcurrentDictionary<(string Operation, int Status), int> _counts = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<float>> _durations = new(StringComparer.Ordinal);

    /// <summary>Milliseconds since the recorder was created.</summary>
    public double Now => _clock.Elapsed.TotalMilliseconds;

    /// <summary>Every response, in completion order (empty when created with retainResults: false, as a long soak is).</summary>
    public IReadOnlyList<LoadResult> Results => _results.ToArray();

    /// <summary>Responses per operation and status, e.g. ("get-session", 503) = 12.</summary>
    public IReadOnlyDictionary<(string Operation, int Status), int> Counts => _counts;

    public long Total => _counts.Values.Sum(v => (long)v);

    public void Add(LoadResult result)
    {
        if (retainResults)
        {
            _results.Enqueue(result);
        }

        _counts.AddOrUpdate((result.Operation, result.Status), 1, (_, n) => n + 1);
        _durations.GetOrAdd(result.Operation, _ => new ConcurrentQueue<float>()).Enqueue((float)result.DurationMs);
    }

    /// <summary>Counts per operation and status, e.g. "get-session: 200=812 503=97 (p50 ...)", for test output.</summary>
    public string Summary()
    {
        var text = new StringBuilder();
        foreach (var operation in _counts.Keys.Select(k => k.Operation).Distinct().Order(StringComparer.Ordinal))
        {
            text.Append(CultureInfo.InvariantCulture, $"{operation}: ");
            text.AppendJoin(' ', _counts.Where(c => c.Key.Operation == operation).OrderBy(c => c.Key.Status).Select(c => $"{c.Key.Status}={c.Value}"));
            var durations = _durations[operation].Select(d => (double)d).Order().ToArray();
            text.Append(CultureInfo.InvariantCulture, $" (p50 {Percentile(durations, 0.5):0.0} ms, p99 {Percentile(durations, 0.99):0.0} ms, max {durations[^1]:0.0} ms)");
            text.AppendLine();
        }

        return text.ToString();
    }

    public static double Percentile(IReadOnlyList<double> sorted, double fraction) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, Math.Max(0, (int)Math.Ceiling(fraction * sorted.Count) - 1))];
}
