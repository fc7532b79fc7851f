using System.Threading.Channels;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Telemetry;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.Passwords;

/// <summary>
/// Runs every hash and verification of the inner hasher on a fixed set of dedicated threads (one per core,
/// by default, at a lower scheduling priority: <see cref="HashingThreadPriority"/>) fed by a short bounded queue. When the queue is full the call fails at once with
/// <see cref="PasswordHashingBusyException"/> (503 with Retry-After) instead of waiting: a flood of
/// sign-ins can use the hashing threads, but never the thread pool that serves session checks.
/// See docs/adr/0020-security-hardening.md.
/// </summary>
public sealed class BoundedPasswordHasher : IPasswordHasher, IDisposable
{
    private readonly IPasswordHasher _inner;
    private readonly Channel<WorkItem> _queue;
    private readonly Thread[] _workers;

    public BoundedPasswordHasher(IPasswordHasher inner, IOptions<PasswordHashingQueueOptions> options)
    {
        _inner = inner;
        var settings = options.Value;

        // Capacity counts waiting items only; each worker holds one more while it computes.
        _queue = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(Math.Max(1, settings.QueueLength))
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails instead of dropping anything
            SingleReader = false,
            SingleWriter = false,
        });
        _workers = Enumerable.Range(0, settings.EffectiveWorkers)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"password-hashing-{i}" })
            .ToArray();
        foreach (var worker in _workers)
        {
            worker.Start();
        }
    }

    public int Workers => _workers.Length;

    public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
        Enqueue(() => _inner.HashAsync(password, cancellationToken).AsTask().GetAwaiter().GetResult(), cancellationToken);

    public ValueTask<PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken) =>
        Enqueue(() => _inner.VerifyAsync(password, storedHash, cancellationToken).AsTask().GetAwaiter().GetResult(), cancellationToken);

    public ValueTask<PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
        Enqueue(() => _inner.VerifyAgainstDummyAsync(password, cancellationToken).AsTask().GetAwaiter().GetResult(), cancellationToken);

    public void Dispose() => _queue.Writer.TryComplete();

    private ValueTask<T> Enqueue<T>(Func<T> work, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var completion = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        var item = new WorkItem(
            () =>
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    completion.TrySetCanceled(cancellationToken); // the caller left while waiting: skip the work
                    return;
                }

                try
                {
                    completion.TrySetResult(work());
                }
                catch (Exception ex)
                {
                    completion.TrySetException(ex);
                }
            },
            System.Diagnostics.Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(item))
        {
            AuthMetrics.RequestRefused(AuthMetrics.Limit.HashingQueue);
            throw new PasswordHashingBusyException();
        }

        AuthMetrics.HashingEnqueued();

        return new ValueTask<T>(completion.Task);
    }

    private void Work()
    {
        HashingThreadPriority.TryLowerCurrentThread();
        var reader = _queue.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var item))
            {
                AuthMetrics.HashingDequeued(item.EnqueuedAt);
                item.Run();
            }
        }
    }

    private sealed record WorkItem(Action Run, long EnqueuedAt);
}
