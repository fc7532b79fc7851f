using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.SigningKeys;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>The signing-key lifecycle is a function of timestamps; the rotation plan follows the schedule.</summary>
public sealed class SigningKeyTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>A 15-minute token plus 5 minutes of clock skew.</summary>
    private static readonly TimeSpan TokenValidity = TimeSpan.FromMinutes(20);

    private static readonly SigningKeySchedule Schedule = new(TimeSpan.FromDays(90), TimeSpan.FromDays(14), TimeSpan.FromDays(14), TokenValidity);

    private static SigningKey Key(string id, DateTimeOffset created, DateTimeOffset activates, SigningAlgorithm algorithm = SigningAlgorithm.ES256) =>
        SigningKey.Create(id, algorithm, "{\"kty\":\"EC\"}", [1, 2, 3], "enc-1", created, activates);

    [Fact]
    public void A_key_is_published_then_active_then_retired_then_removed()
    {
        var key = Key("k1", T0, T0 + TimeSpan.FromDays(14));
        Assert.Equal(SigningKeyStatus.Published, key.StatusAt(T0));
        Assert.Equal(SigningKeyStatus.Active, key.StatusAt(T0 + TimeSpan.FromDays(14)));

        key.RetireAt(T0 + TimeSpan.FromDays(104), TimeSpan.FromDays(14), T0 + TimeSpan.FromDays(90));

        Assert.Equal(SigningKeyStatus.Active, key.StatusAt(T0 + TimeSpan.FromDays(104) - TimeSpan.FromTicks(1)));
        Assert.Equal(SigningKeyStatus.Retired, key.StatusAt(T0 + TimeSpan.FromDays(104)));
        Assert.True(key.IsPublishedAt(T0 + TimeSpan.FromDays(118) - TimeSpan.FromTicks(1)));
        Assert.Equal(SigningKeyStatus.Removed, key.StatusAt(T0 + TimeSpan.FromDays(118)));
    }

    [Fact]
    public void Retiring_twice_keeps_the_first_hand_over()
    {
        var key = Key("k1", T0, T0);
        key.RetireAt(T0 + TimeSpan.FromDays(90), TimeSpan.FromDays(14), T0);
        key.RetireAt(T0 + TimeSpan.FromDays(10), TimeSpan.FromDays(1), T0);

        Assert.Equal(T0 + TimeSpan.FromDays(90), key.RetiresAt);
        Assert.Equal(T0 + TimeSpan.FromDays(104), key.RemovesAt);
    }

    [Fact]
    public void Invalid_keys_and_schedules_are_refused()
    {
        Assert.Throws<DomainRuleException>(() => Key("", T0, T0));
        Assert.Throws<DomainRuleException>(() => Key("k", T0, T0 - TimeSpan.FromSeconds(1)));
        Assert.Throws<DomainRuleException>(() => SigningKey.Create("k", SigningAlgorithm.ES256, "{}", [], "enc", T0, T0));
        Assert.Throws<DomainRuleException>(() => new SigningKeySchedule(TimeSpan.FromDays(10), TimeSpan.FromDays(10), TimeSpan.FromDays(1), TokenValidity));
        Assert.Throws<DomainRuleException>(() => new SigningKeySchedule(TimeSpan.FromDays(10), TimeSpan.FromDays(1), TimeSpan.Zero, TokenValidity));
        Assert.Throws<DomainRuleException>(() => new SigningKeySchedule(TimeSpan.FromDays(10), TimeSpan.FromDays(1), TimeSpan.FromMinutes(10), TokenValidity));
    }

    [Fact]
    public void An_empty_ring_gets_a_key_that_signs_at_once()
    {
        var plan = SigningKeyRotationPlan.Decide([], T0, Schedule, SigningAlgorithm.ES256);

        Assert.Equal(SigningKeyRotationAction.CreateActive, plan.Action);
        Assert.Equal(T0, plan.ActivatesAt);
    }

    [Fact]
    public void A_successor_is_due_publish_ahead_before_the_rotation_interval_ends()
    {
        var active = Key("k1", T0, T0);

        Assert.Equal(SigningKeyRotationAction.None, SigningKeyRotationPlan.Decide([active], T0 + TimeSpan.FromDays(76) - TimeSpan.FromSeconds(1), Schedule, SigningAlgorithm.ES256).Action);
        var plan = SigningKeyRotationPlan.Decide([active], T0 + TimeSpan.FromDays(76), Schedule, SigningAlgorithm.ES256);
        Assert.Equal(SigningKeyRotationAction.CreateSuccessor, plan.Action);
        Assert.Same(active, plan.Current);
        Assert.Equal(T0 + TimeSpan.FromDays(90), plan.ActivatesAt);
    }

    [Fact]
    public void A_key_with_a_successor_needs_nothing_more_even_when_forced()
    {
        var active = Key("k1", T0, T0);
        active.RetireAt(T0 + TimeSpan.FromDays(90), Schedule.RetainAfterRetirement, T0 + TimeSpan.FromDays(76));
        var successor = Key("k2", T0 + TimeSpan.FromDays(76), T0 + TimeSpan.FromDays(90));

        Assert.Equal(SigningKeyRotationAction.None, SigningKeyRotationPlan.Decide([active, successor], T0 + TimeSpan.FromDays(80), Schedule, SigningAlgorithm.ES256, force: true).Action);
        Assert.Equal("k2", new[] { active, successor }.ActiveAt(T0 + TimeSpan.FromDays(90))!.Id);
        Assert.Equal(T0 + TimeSpan.FromDays(90), new[] { active, successor }.NextChangeAfter(T0 + TimeSpan.FromDays(80)));
    }

    [Fact]
    public void A_changed_algorithm_or_an_operator_forces_a_successor()
    {
        var active = Key("k1", T0, T0);

        Assert.Equal(SigningKeyRotationAction.CreateSuccessor, SigningKeyRotationPlan.Decide([active], T0 + TimeSpan.FromDays(1), Schedule, SigningAlgorithm.EdDSA).Action);
        Assert.Equal(SigningKeyRotationAction.CreateSuccessor, SigningKeyRotationPlan.Decide([active], T0 + TimeSpan.FromDays(1), Schedule, SigningAlgorithm.ES256, force: true).Action);
        var emergency = SigningKeyRotationPlan.Decide([active], T0 + TimeSpan.FromDays(1), Schedule, SigningAlgorithm.ES256, activateImmediately: true);
        Assert.Equal(T0 + TimeSpan.FromDays(1), emergency.ActivatesAt);
    }

    [Fact]
    public void An_emergency_key_follows_the_successor_already_waiting_so_no_key_gets_two_successors()
    {
        var active = Key("k1", T0, T0);
        var waiting = SigningKey.Create("k2", SigningAlgorithm.ES256, "{\"kty\":\"EC\"}", [1, 2, 3], "enc-1", T0 + TimeSpan.FromDays(76), T0 + TimeSpan.FromDays(90), succeedsKeyId: "k1");
        active.RetireAt(waiting.ActivatesAt, TimeSpan.FromDays(14), T0 + TimeSpan.FromDays(76));

        var emergency = SigningKeyRotationPlan.Decide([active, waiting], T0 + TimeSpan.FromDays(80), Schedule, SigningAlgorithm.ES256, activateImmediately: true);
        var alone = SigningKeyRotationPlan.Decide([Key("k3", T0, T0)], T0 + TimeSpan.FromDays(80), Schedule, SigningAlgorithm.ES256, activateImmediately: true);

        Assert.Equal(SigningKeyRotationAction.CreateSuccessor, emergency.Action);
        Assert.Equal("k2", emergency.Current!.Id);
        Assert.Equal(T0 + TimeSpan.FromDays(80), emergency.ActivatesAt);
        Assert.Equal("k3", alone.Current!.Id);
    }

    [Fact]
    public void Retiring_now_stops_an_active_key_and_a_waiting_one_from_ever_signing()
    {
        var now = T0 + TimeSpan.FromDays(5);
        var active = Key("k1", T0, T0);
        var waiting = Key("k2", T0 + TimeSpan.FromDays(4), T0 + TimeSpan.FromDays(18));

        active.RetireNow(TimeSpan.FromDays(14), now);
        waiting.RetireNow(TimeSpan.FromDays(14), now);

        Assert.Equal(SigningKeyStatus.Retired, active.StatusAt(now));
        Assert.NotEqual(SigningKeyStatus.Active, waiting.StatusAt(T0 + TimeSpan.FromDays(18)));
        Assert.Null(new[] { active, waiting }.ActiveAt(T0 + TimeSpan.FromDays(20)));
    }

    [Fact]
    public void Algorithm_names_round_trip_exactly()
    {
        foreach (var algorithm in SigningAlgorithms.All)
        {
            Assert.True(SigningAlgorithms.TryParse(algorithm.JoseName(), out var parsed));
            Assert.Equal(algorithm, parsed);
        }

        Assert.False(SigningAlgorithms.TryParse("es256", out _));
        Assert.False(SigningAlgorithms.TryParse("none", out _));
        Assert.False(SigningAlgorithms.TryParse("HS256", out _));
    }
}
