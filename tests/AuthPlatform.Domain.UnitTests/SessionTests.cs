using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.Domain.UnitTests;

public sealed class SessionTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly SessionLifetime Lifetime = SessionLifetime.Default; // 7 d sliding, 1 d update age, 30 d cap

    private static Session NewSession(bool rememberMe = true) =>
        Session.Start("user-1", SessionToken.Generate(), Lifetime, rememberMe, "203.0.113.7", "tests", T0);

    [Fact]
    public void A_new_session_is_live_until_its_sliding_window_ends()
    {
        var session = NewSession();

        Assert.Equal(T0 + TimeSpan.FromDays(7), session.ExpiresAt);
        Assert.Equal(T0 + TimeSpan.FromDays(30), session.AbsoluteExpiresAt);
        Assert.Equal(SessionStatus.Live, session.StatusAt(T0 + TimeSpan.FromDays(7) - TimeSpan.FromSeconds(1)));
        Assert.Equal(SessionStatus.Expired, session.StatusAt(T0 + TimeSpan.FromDays(7)));
    }

    [Fact]
    public void Refresh_is_not_due_before_the_update_age_and_writes_once_after_it()
    {
        var session = NewSession();

        Assert.False(session.Refresh(Lifetime, T0 + TimeSpan.FromHours(23)));
        Assert.Equal(T0 + TimeSpan.FromDays(7), session.ExpiresAt);

        var day = T0 + TimeSpan.FromDays(1);
        Assert.True(session.Refresh(Lifetime, day));
        Assert.Equal(day + TimeSpan.FromDays(7), session.ExpiresAt);
        Assert.Equal(day, session.UpdatedAt);

        // Used again an hour later: no second write within the update age.
        Assert.False(session.Refresh(Lifetime, day + TimeSpan.FromHours(1)));
        Assert.Equal(day, session.UpdatedAt);
    }

    [Fact]
    public void Sliding_never_passes_the_absolute_lifetime_even_with_daily_use()
    {
        var session = NewSession();
        for (var day = 1; day < 30; day++)
        {
            session.Refresh(Lifetime, T0 + TimeSpan.FromDays(day));
            Assert.True(session.ExpiresAt <= session.AbsoluteExpiresAt);
        }

        Assert.Equal(session.AbsoluteExpiresAt, session.ExpiresAt);
        Assert.Equal(SessionStatus.Live, session.StatusAt(T0 + TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1)));
        Assert.Equal(SessionStatus.LifetimeExceeded, session.StatusAt(T0 + TimeSpan.FromDays(30)));
        Assert.False(session.Refresh(Lifetime, T0 + TimeSpan.FromDays(30)));
    }

    [Fact]
    public void An_expired_session_is_not_refreshed_back_to_life()
    {
        var session = NewSession();
        var late = T0 + TimeSpan.FromDays(8);

        Assert.False(session.Refresh(Lifetime, late));
        Assert.Equal(SessionStatus.Expired, session.StatusAt(late));
    }

    [Fact]
    public void A_revoked_session_stays_revoked_with_its_first_reason()
    {
        var session = NewSession();
        session.Revoke(SessionRevocationReason.SignedOut, T0 + TimeSpan.FromMinutes(5));
        session.Revoke(SessionRevocationReason.PasswordChanged, T0 + TimeSpan.FromMinutes(9));

        Assert.Equal(SessionStatus.Revoked, session.StatusAt(T0 + TimeSpan.FromMinutes(6)));
        Assert.Equal(SessionRevocationReason.SignedOut, session.RevocationReason);
        Assert.Equal(T0 + TimeSpan.FromMinutes(5), session.RevokedAt);
        Assert.False(session.Refresh(Lifetime, T0 + TimeSpan.FromDays(2)));
    }

    [Fact]
    public void A_session_without_remember_me_uses_the_short_window()
    {
        var session = NewSession(rememberMe: false);

        Assert.Equal(T0 + Lifetime.ShortExpiresIn, session.ExpiresAt);
        Assert.False(session.RememberMe);
    }

    [Fact]
    public void The_row_holds_the_token_digest_not_the_token()
    {
        var token = SessionToken.Generate();
        var session = Session.Start("user-1", token, Lifetime, true, null, null, T0);

        Assert.Equal(token.ComputeDigest(), session.TokenDigest);
        Assert.Equal(32, session.TokenDigest.Length);
    }

    [Fact]
    public void Long_user_agents_are_truncated()
    {
        var session = Session.Start("user-1", SessionToken.Generate(), Lifetime, true, null, new string('a', 5000), T0);

        Assert.Equal(Session.MaxUserAgentLength, session.UserAgent!.Length);
    }

    [Theory]
    [InlineData(0, 1, 30)] // zero sliding lifetime
    [InlineData(7, 8, 30)] // update age longer than the lifetime
    [InlineData(7, 1, 6)] // cap shorter than the sliding window
    public void Inconsistent_lifetimes_are_refused(int expiresDays, int updateDays, int absoluteDays) =>
        Assert.Throws<Common.DomainRuleException>(() =>
            new SessionLifetime(TimeSpan.FromDays(expiresDays), TimeSpan.FromDays(updateDays), TimeSpan.FromDays(absoluteDays), TimeSpan.FromDays(1)));
}
