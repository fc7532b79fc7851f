namespace AuthPlatform.WebApi.Http;

/// <summary>How many requests are being processed right now; read when the service shuts down.</summary>
public sealed class InFlightRequestCounter
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Enter() => Interlocked.Increment(ref _count);

    public void Leave() => Interlocked.Decrement(ref _count);
}

/// <summary>First in the pipeline: counts each request from the moment it enters until its response ends.</summary>
public sealed class InFlightRequests(RequestDelegate next, InFlightRequestCounter counter)
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
            counter.Leave();
        }
    }
}
