namespace AuthPlatform.WebApi.Http;

/// <summary>Requests being processed right now, and those cut off by a shutdown; read when the service stops.</summary>
public sealed class InFlightRequestCounter
{
    private int _count;
    private int _cutOff;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Requests aborted while the service was shutting down (the shutdown timeout ran out, or the client gave up).</summary>
    public int CutOffDuringShutdown => Volatile.Read(ref _cutOff);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Leave(bool cutOffDuringShutdown)
    {
        if (cutOffDuringShutdown)
        {
            Interlocked.Increment(ref _cutOff);
        }

        Interlocked.Decrement(ref _count);
    }
}

/// <summary>First in the pipeline: counts each request from the moment it enters until its response ends.</summary>
public sealed class InFlightRequests(RequestDelegate next, InFlightRequestCounter counter, IHostApplicationLifetime lifetime)
{
    public async Task InvokeAsync(HttpContext context)
    {
        counter.Enter();
        try
        {
            await next(context);
        }
        finally
        {
            counter.Leave(lifetime.ApplicationStopping.IsCancellationRequested && context.RequestAborted.IsCancellationRequested);
        }
    }
}
