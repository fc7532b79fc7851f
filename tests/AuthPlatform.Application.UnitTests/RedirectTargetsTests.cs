using AuthPlatform.Application.Mail;
using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

/// <summary>callbackURL / redirectTo: a path on this site or a trusted origin, nothing else (no open redirect).</summary>
public sealed class RedirectTargetsTests
{
    private static readonly AuthOptions Options = new() { BaseUrl = "https://auth.example.com", TrustedOrigins = "https://app.example.com" };

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("/reset-password?x=1")]
    [InlineData("https://app.example.com/reset")]
    [InlineData("https://APP.example.com/reset")]
    [InlineData("https://auth.example.com/welcome")]
    public void Allowed(string? target) => Assert.True(RedirectTargets.IsAllowed(target, Options));

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("https://app.example.com.evil.example/")]
    [InlineData("http://app.example.com/")]
    [InlineData("https://user@app.example.com/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("evil.example")]
    [InlineData("/\tfoo")]
    public void Refused(string target) => Assert.False(RedirectTargets.IsAllowed(target, Options));

    [Fact]
    public void A_parameter_is_added_to_the_absolute_target() =>
        Assert.Equal("https://auth.example.com/reset?a=1&token=t%2Bk", RedirectTargets.WithParameter("/reset?a=1", Options, "token", "t+k"));
}
