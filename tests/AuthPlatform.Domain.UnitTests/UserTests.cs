using AuthPlatform.Domain.Common;
using AuthPlatform.Domain.Users;

namespace AuthPlatform.Domain.UnitTests;

public sealed class UserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Ann@Example.COM ", "ann@example.com")]
    [InlineData("bob.smith+tag@sub.example.org", "bob.smith+tag@sub.example.org")]
    public void Emails_are_stored_in_canonical_form(string raw, string canonical)
    {
        Assert.True(EmailAddress.TryCreate(raw, out var email));
        Assert.Equal(canonical, email.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-an-email")]
    [InlineData("@example.com")]
    [InlineData("ann@")]
    [InlineData("ann@example")]
    [InlineData("ann@@example.com")]
    [InlineData("ann smith@example.com")]
    [InlineData("ann@example..com")]
    public void Malformed_emails_are_refused(string raw) => Assert.False(EmailAddress.TryCreate(raw, out _));

    [Fact]
    public void An_email_longer_than_254_characters_is_refused() =>
        Assert.False(EmailAddress.TryCreate(new string('a', 250) + "@example.com", out _));

    [Fact]
    public void A_registered_user_has_an_id_and_is_not_verified()
    {
        var user = User.Register("Ann", EmailAddress.Parse("ann@example.com"), null, Now);

        Assert.Equal(32, user.Id.Length);
        Assert.False(user.EmailVerified);
        Assert.False(user.IsDisabledAt(Now));
        Assert.Equal(Now, user.CreatedAt);
    }

    [Fact]
    public void A_user_needs_a_name() =>
        Assert.Throws<DomainRuleException>(() => User.Register("  ", EmailAddress.Parse("ann@example.com"), null, Now));

    [Fact]
    public void Disabling_keeps_the_first_time()
    {
        var user = User.Register("Ann", EmailAddress.Parse("ann@example.com"), null, Now);
        user.Disable(Now.AddHours(1));
        user.Disable(Now.AddHours(2));

        Assert.True(user.IsDisabledAt(Now));
        Assert.Equal(Now.AddHours(1), user.DisabledAt);
    }

    [Fact]
    public void A_credential_needs_a_hash() =>
        Assert.Throws<DomainRuleException>(() => PasswordCredential.Create("user-1", " ", Now));

    [Fact]
    public void A_ban_with_an_expiry_shuts_the_user_out_only_until_it_expires()
    {
        var user = User.Register("Ann", EmailAddress.Parse("ann@example.com"), null, Now);

        user.Ban("spam", Now.AddHours(1), Now);

        Assert.True(user.IsDisabledAt(Now.AddMinutes(59)));
        Assert.False(user.IsDisabledAt(Now.AddHours(1)));
    }

    [Fact]
    public void Lifting_a_ban_clears_its_reason_and_end()
    {
        var user = User.Register("Ann", EmailAddress.Parse("ann@example.com"), null, Now);
        user.Ban("spam", null, Now);

        user.Enable(Now);

        Assert.False(user.IsDisabledAt(Now));
        Assert.Null(user.BanReason);
        Assert.Null(user.BanExpires);
    }
}
