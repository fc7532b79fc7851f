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
        using var hasher = new BoundedPasswordHasher(new BlockingHasher(gate.Task), Microsoft.Extensions.Options.Options.Create(new PasswordHashingQueueOptions { Workers = 1, QueueLength = 1 }));

        var running = hasher.HashAsync("one", CancellationToken.None).AsTask();
        await Task.Delay(100);
        var queued = hasher.HashAsync("two", CancellationToken.None).AsTask();

        await Assert.ThrowsAsync<Application.Common.Exceptions.PasswordHashingBusyException>(() => hasher.HashAsync("three", CancellationToken.None).AsTask());
        gate.SetResult();
        Assert.Equal("hash:one", await running);
        Assert.Equal("hash:two", await queued);
    }

    private sealed class BlockingHasher(Task gate) : Application.Common.Interfaces.IPasswordHasher
    {
        public ValueTask<string> HashAsync(string password, CancellationToken cancellationToken)
        {
            gate.Wait(cancellationToken);
            return ValueTask.FromResult("hash:" + password);
        }

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAsync(string password, string storedHash, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);

        public ValueTask<Application.Common.Interfaces.PasswordVerification> VerifyAgainstDummyAsync(string password, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Application.Common.Interfaces.PasswordVerification.Failed);
    }
}
