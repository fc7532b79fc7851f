using AuthPlatform.Application.Common.Validation;

namespace AuthPlatform.Application.UnitTests;

public sealed class PasswordRulesTests
{
    [Fact]
    public void Passwords_are_NFKC_normalised()
    {
        // U+FB01 (the "fi" ligature) and the full-width digits become plain ASCII under NFKC.
        Assert.Equal("fi12", PasswordRules.Normalize("\uFB01\uFF11\uFF12"));
        Assert.Equal(PasswordRules.Normalize("e\u0301"), PasswordRules.Normalize("\u00E9"));
    }

    [Fact]
    public void Length_counts_code_points_after_normalisation()
    {
        Assert.Equal(8, PasswordRules.Length("🙂🙂🙂🙂🙂🙂🙂🙂"));
        Assert.Equal(2, PasswordRules.Length("\uFB01")); // the ligature is two letters
    }

    [Fact]
    public void A_lone_surrogate_is_measured_rather_than_rejected_with_an_exception() =>
        Assert.Equal(9, PasswordRules.Length("abcdefgh\uD800"));
}
