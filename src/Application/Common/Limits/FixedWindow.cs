namespace AuthPlatform.Application.Common.Limits;

/// <summary>
/// The fixed-window decision every request-limit store shares. A key's window starts at its first request
/// and lasts the configured length (as ASP.NET Core's and BetterAuth's limiters count), so a burst is never
/// split across an edge that happens to fall inside it. A store only counts; the verdict is made here.
/// </summary>
public static class FixedWindow
{
    /// <summary>The verdict for a request counted as <paramref name="count"/> in its key's window.</summary>
    public static LimitDecision Decide(WindowCount count, int permitLimit, TimeSpan window, DateTimeOffset now) =>
        count.Hits <= permitLimit
            ? LimitDecision.Allow
            : LimitDecision.Refuse(count.WindowStart + window - now);
}

/// <summary>A request's number in its key's current window, and when that window started.</summary>
public readonly record struct WindowCount(long Hits, DateTimeOffset WindowStart);

/// <summary>A request limit's verdict; <see cref="RetryAfter"/> is how long until the window ends when refused.</summary>
public readonly record struct LimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static LimitDecision Allow => new(true, TimeSpan.Zero);

    public static LimitDecision Refuse(TimeSpan retryAfter) => new(false, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
}
