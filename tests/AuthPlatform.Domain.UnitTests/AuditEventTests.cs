using AuthPlatform.Domain.Audit;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>The chain of digests: each sealed event verifies only after the event it was sealed after.</summary>
public sealed class AuditEventTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    private static AuditEvent Event(string type = AuditEventTypes.SignIn, string? reason = "Password") =>
        AuditEvent.Record(type, AuditOutcome.Success, reason, "user-1", "user-1", null, "127.0.0.1", "test", Now);

    [Fact]
    public void A_sealed_event_verifies_after_its_predecessor_and_not_after_another()
    {
        var first = Event();
        var second = Event(AuditEventTypes.PasswordChanged, null);
        first.Seal(1, []);
        second.Seal(2, first.Digest!);

        Assert.True(first.VerifyAfter([]));
        Assert.True(second.VerifyAfter(first.Digest!));
        Assert.False(second.VerifyAfter([]));
        Assert.Equal(first.Digest, second.PreviousDigest);
    }

    [Fact]
    public void Events_that_differ_in_any_field_get_different_digests()
    {
        var a = Event(reason: "Password");
        var b = Event(reason: "Passkey");
        var c = Event(reason: null);
        a.Seal(1, []);
        b.Seal(1, []);
        c.Seal(1, []);

        Assert.NotEqual(a.Digest, b.Digest);
        Assert.NotEqual(a.Digest, c.Digest);
        Assert.NotEqual(b.Digest, c.Digest);
    }

    [Fact]
    public void An_event_is_sealed_once()
    {
        var e = Event();
        e.Seal(1, []);

        Assert.Throws<Common.DomainRuleException>(() => e.Seal(2, []));
    }

    [Fact]
    public void An_unsealed_event_never_verifies()
    {
        Assert.False(Event().VerifyAfter([]));
    }
}
