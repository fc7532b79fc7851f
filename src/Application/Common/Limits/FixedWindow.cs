namespace AuthPlatform.Application.Common.Limits;

/// <summary>
/// The fixed-window decision every request-limit store shares: windows are aligned on multiples of their
/// length since the Unix epoch, so every instance (and every store) agrees where a window starts without
/// talking to the others. A store only counts; the verdict is made here, in one place.
/// </summary>
public static class FixedWindow
{
    public static DateTimeOffset StartOf(DateTimeOffset now, TimeSpan window)
    {
        var ticks = now.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks;
        return DateTimeOffset.UnixEpoch.AddTicks(ticks - (ticks % window.Ticks));
    }

    /// <summary>The verdict for the <paramref name="hit"/>-th request counted in the window that starts at <paramref name="windowStart"/>.</summary>
    public static LimitDecision Decide(long hit, int permitLimit, DateTimeOffset windowStart, TimeSpan window, DateTimeOffset now) =>
        hit <= permitLimit
            ? LimitDecision.Allow
            : LimitDecision.Refuse(windowStart + window - now);
}

/// <summary>A request limit's verdict; <see cref="RetryAfter"/> is how long until the window ends when refused.</summary>
public readonly record struct LimitDecision(bool Allowed, TimeSpan RetryAfter)
{
    public static LimitDecision Allow => new(true, TimeSpan.Zero);

    public static LimitDecision Refuse(TimeSpan retryAfter) => new(false, retryAfter < TimeSpan.Zero ? TimeSpan.Zero : retryAfter);
}
