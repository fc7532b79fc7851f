using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.Infrastructure.Security;

namespace AuthPlatform.Infrastructure.Tests;

/// <summary>Start-up rules of the abuse-protection settings, and the common-password list.</summary>
public sealed class AbuseProtectionOptionsTests
{
    [Theory]
    [InlineData(100, 10, true)]
    [InlineData(100, 0, false)]
    [InlineData(10, 10, false)]
    public void The_throttle_needs_a_burst_below_the_hourly_maximum(int perHour, int burst, bool valid) =>
        Assert.Equal(valid, new SignInThrottleOptionsValidator().Validate(null, new SignInThrottleOptions { MaxFailuresPerHour = perHour, Burst = burst }).Succeeded);

    [Fact]
    public void The_default_throttle_refills_ninety_failures_an_hour() =>
        Assert.Equal(90.0 / 3600, new SignInThrottleOptions().FailuresPerSecond, 10);

    [Theory]
    [InlineData(0, 16, true)]
    [InlineData(2, 0, true)]
    [InlineData(-1, 16, false)]
    [InlineData(2, -5, false)]
    public void The_hashing_queue_settings_are_bounded(int workers, int queue, bool valid) =>
        Assert.Equal(valid, new PasswordHashingQueueOptionsValidator().Validate(null, new PasswordHashingQueueOptions { Workers = workers, QueueLength = queue }).Succeeded);

    [Fact]
    public void The_common_password_list_is_embedded_and_case_insensitive()
    {
        var list = new CommonPasswordList();

        Assert.True(list.Count >= 10_000);
        Assert.True(list.Contains("123456"));
        Assert.True(list.Contains("PassWord"));
        Assert.False(list.Contains("correct horse battery staple"));
        Assert.False(list.Contains(new string('x', 100_000)));
    }

    [Fact]
    public async Task A_full_queue_fails_fast_and_a_free_one_runs_the_work()
    {
        var gate = new TaskCompletionSource();
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var hasher = new BoundedPasswordHasher(new BlockingHasher(gate.Task, started), Microsoft.Extensions.Options.Options.Create(new PasswordHashingQueueOptions { Workers = 1, QueueLength = 1 }));

        var running = hasher.HashAsync("one", CancellationToken.None).AsTask();
        await started.Task.WaitAsync(TimeSpan.FromSeconds(30)); // the worker holds "one": the queue is empty again, however slow the machine
        var queued = hasher.HashAsync("two", CancellationToken.None).AsTask();

        await Assert.ThrowsAsync<Application.Common.Exceptions.PasswordHashingBusyException>(() => hasher.HashAsync("three", CancellationToken.None).AsTask());
        gate.SetResult();
        Assert.Equal("hash:one", await running);
        Assert.Equal("hash:two", await queued);
    }

    [Fact]
    public async Task Hashing_runs_at_a_lower_scheduling_priority_than_the_threads_serving_requests()
    {
        using var hasher = new BoundedPasswordHasher(new NicenessReportingHasher(), Microsoft.Extensions.Options.Options.Create(new PasswordHashingQueueOptions { Workers = 1 }));

        var onWorker = int.Parse(await hasher.HashAsync("x", CancellationToken.None), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(NicenessReportingHasher.CurrentThreadNiceness() + 10, onWorker);
    }

    /// <summary>"Hashes" to the nice value of the thread it runs on, read from /proc/thread-self/stat (field 19).</summary>
    private sealed class NicenessReportingHasher : Application.Common.Interfaces.IPasswordHasher
    {
        public static int CurrentThreadNiceness()
        {
            var stat = File.ReadAllText("/proc/thread-self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return int.Parse(fields[16], System.Globalization.CultureInfo.InvariantCulture); // field 19 counted from pid
        }

        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(CurrentThreadNiceness().ToString(System.Globalization.CultureInfo.InvariantCulture));

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);
    }

    private sealed class BlockingHasher(Task gate, TaskCompletionSource started) : Application.Common.Interfaces.IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
        {
            started.TrySetResult();
            gate.Wait(cancellationToken);
            return ValueTask.FromResult("hash:" + password);
        }

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);
    }
}
