namespace AuthPlatform.Testing.Faults;

/// <summary>
/// A fixed number of workers each repeating one step until a deadline or a per-worker count is reached,
/// whichever comes first, so every load run is bounded in time and in requests. Steps record their
/// responses themselves (<see cref="AuthTraffic"/>); an exception in a step is a harness bug and fails the run.
/// </summary>
public static class SteadyLoad
{
    public static async Task RunAsync(int workers, TimeSpan duration, Func<int, Task> step, int maxStepsPerWorker = 100_000, CancellationToken cancellationToken = default)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var tasks = Enumerable.Range(0, workers).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < maxStepsPerWorker && !stop.IsCancellationRequested; i++)
            {
                await step(worker);
            }
        }, CancellationToken.None));
        await Task.WhenAll(tasks);
    }
}
