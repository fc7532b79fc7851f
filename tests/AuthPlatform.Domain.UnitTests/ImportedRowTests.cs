using AuthPlatform.Domain.Sessions;
using AuthPlatform.Domain.Users;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>Rows restored from another system (BetterAuth) and updated by a later import.</summary>
public sealed class ImportedRowTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetime Lifetime = SessionLifetime.Default; // 30 d cap

    private static Session Imported() =>
        Session.Restore("s1", "u1", SessionToken.Generate().ComputeDigest(), T0, T0, T0 + TimeSpan.FromDays(7), Lifetime, null, null);

    [Fact]
    public void A_later_expiry_from_the_source_extends_the_session_but_never_past_its_absolute_end()
    {
        var session = Imported();

        Assert.True(session.ExtendFromImport(T0 + TimeSpan.FromDays(9), T0 + TimeSpan.FromDays(2)));
        Assert.Equal(T0 + TimeSpan.FromDays(9), session.ExpiresAt);
        Assert.Equal(T0 + TimeSpan.FromDays(2), session.UpdatedAt);

        Assert.True(session.ExtendFromImport(T0 + TimeSpan.FromDays(40), T0 + TimeSpan.FromDays(3)));
        Assert.Equal(session.AbsoluteExpiresAt, session.ExpiresAt);
    }

    [Fact]
    public void An_earlier_or_stale_copy_and_a_revoked_session_are_left_alone()
    {
        var session = Imported();
        Assert.False(session.ExtendFromImport(T0 + TimeSpan.FromDays(6), T0 + TimeSpan.FromDays(1)));
        Assert.False(session.ExtendFromImport(T0 + TimeSpan.FromDays(9), T0));

        session.Revoke(SessionRevocationReason.RevokedByOperator, T0 + TimeSpan.FromHours(1));
        Assert.False(session.ExtendFromImport(T0 + TimeSpan.FromDays(9), T0 + TimeSpan.FromDays(2)));
        Assert.Equal(T0 + TimeSpan.FromDays(7), session.ExpiresAt);
    }

    [Fact]
    public void An_imported_profile_keeps_the_source_update_time_and_follows_the_user_rules()
    {
        var user = User.Restore("u1", "Ann", EmailAddress.Parse("ann@example.com"), false, null, T0, T0);

        user.ApplyImportedProfile("  Ann B.  ", EmailAddress.Parse("Ann.B@Example.com"), true, "https://example.com/a.png", T0 + TimeSpan.FromDays(1));

        Assert.Equal(("Ann B.", "ann.b@example.com", true, "https://example.com/a.png", T0 + TimeSpan.FromDays(1)),
            (user.Name, user.Email, user.EmailVerified, user.Image, user.UpdatedAt));
        Assert.Throws<AuthPlatform.Domain.Common.DomainRuleException>(() => user.ApplyImportedProfile(" ", EmailAddress.Parse("a@example.com"), true, null, T0));
    }
}
