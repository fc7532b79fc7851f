using AuthPlatform.Domain.Verification;

namespace AuthPlatform.Domain.UnitTests;

/// <summary>Mailed one-time codes are six decimal digits, and nothing else parses as one.</summary>
public sealed class EmailCodeTests
{
    [Fact]
    public void Generated_codes_are_six_digits_and_parse_back()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => EmailCode.Generate().Value).ToList();
        Assert.All(codes, c => Assert.Matches("^[0-9]{6}$", c));
        Assert.All(codes, c => Assert.True(EmailCode.TryParse(c, out var parsed) && parsed.Value == c));
        Assert.True(codes.Distinct().Count() > 150, "codes repeat far more than a uniform draw of a million would");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData(" 12345")]
    [InlineData("١٢٣٤٥٦")] // Arabic-Indic digits: digits, but not ASCII
    public void Anything_else_is_no_code(string? text) => Assert.False(EmailCode.TryParse(text, out _));

    [Fact]
    public void A_code_never_prints_its_value()
    {
        var code = EmailCode.Generate();
        Assert.DoesNotContain(code.Value, code.ToString(), StringComparison.Ordinal);
    }
}
