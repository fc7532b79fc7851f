using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Application.UnitTests;

/// <summary>Magic-link and email-code settings are checked at start-up, naming what to change.</summary>
public sealed class MailedSecretOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new MagicLinkOptionsValidator().Validate(null, new MagicLinkOptions()).Succeeded);
        Assert.True(new EmailOtpOptionsValidator().Validate(null, new EmailOtpOptions()).Succeeded);
    }

    [Fact]
    public void Lifetimes_and_attempts_out_of_range_are_named()
    {
        var link = new MagicLinkOptionsValidator().Validate(null, new MagicLinkOptions { ExpiresIn = TimeSpan.FromDays(1) });
        Assert.Contains(link.Failures!, p => p.Contains("Auth:MagicLink:ExpiresIn", StringComparison.Ordinal));

        var code = new EmailOtpOptionsValidator().Validate(null, new EmailOtpOptions { ExpiresIn = TimeSpan.Zero, AllowedAttempts = 0 }).Failures!.ToList();
        Assert.Contains(code, p => p.Contains("Auth:EmailOtp:ExpiresIn", StringComparison.Ordinal));
        Assert.Contains(code, p => p.Contains("Auth:EmailOtp:AllowedAttempts", StringComparison.Ordinal));
        Assert.Contains(new EmailOtpOptionsValidator().Validate(null, new EmailOtpOptions { AllowedAttempts = 1000 }).Failures!,
            p => p.Contains("AllowedAttempts", StringComparison.Ordinal));
    }
}
