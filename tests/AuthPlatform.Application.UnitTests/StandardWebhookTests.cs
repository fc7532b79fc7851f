using AuthPlatform.Application.Webhooks;
using AuthPlatform.Domain.Webhooks;

namespace AuthPlatform.Application.UnitTests;

/// <summary>The Standard Webhooks signature, and the retry schedule of an endpoint that fails.</summary>
public sealed class StandardWebhookTests
{
    [Fact]
    public void The_signature_is_the_one_of_the_specification_example()
    {
        // The example of the Standard Webhooks specification (its libraries' own test), as the npm library signs it.
        var signature = StandardWebhook.Signature("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, "{\"test\": 2432232314}");

        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", signature);
    }

    [Fact]
    public void A_new_secret_is_prefixed_random_and_32_bytes()
    {
        var a = StandardWebhook.NewSecret();
        var b = StandardWebhook.NewSecret();

        Assert.StartsWith("whsec_", a, StringComparison.Ordinal);
        Assert.Equal(32, Convert.FromBase64String(a["whsec_".Length..]).Length);
        Assert.NotEqual(a, b);
    }

    [Fact]
    public void A_failing_endpoint_is_retried_after_doubling_delays_capped_at_ten_minutes()
    {
        Assert.Equal(TimeSpan.FromSeconds(1), WebhookEndpoint.RetryDelay(1));
        Assert.Equal(TimeSpan.FromSeconds(8), WebhookEndpoint.RetryDelay(4));
        Assert.Equal(TimeSpan.FromMinutes(10), WebhookEndpoint.RetryDelay(30));
    }

    [Fact]
    public void An_endpoint_wants_its_types_or_all_and_its_cursor_only_moves_forward()
    {
        var now = DateTimeOffset.UnixEpoch;
        var some = WebhookEndpoint.Register("https://hooks.example.com/a", ["sign-in", "admin.user-banned"], [1], "k", 10, now);
        var all = WebhookEndpoint.Register("https://hooks.example.com/b", [], [1], "k", 10, now);

        Assert.True(some.Wants("admin.user-banned"));
        Assert.False(some.Wants("sign-up"));
        Assert.True(all.Wants("sign-up"));
        some.Passed(11, sent: true, now);
        Assert.Throws<AuthPlatform.Domain.Common.DomainRuleException>(() => some.Passed(11, sent: true, now));
        Assert.Throws<AuthPlatform.Domain.Common.DomainRuleException>(() => WebhookEndpoint.Register("ftp://x", [], [1], "k", 0, now));
    }
}
