using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

internal sealed class MagicLinkOptionsValidator : IValidateOptions<MagicLinkOptions>
{
    public ValidateOptionsResult Validate(string? name, MagicLinkOptions options) =>
        options.ExpiresIn < TimeSpan.FromMinutes(1) || options.ExpiresIn > TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Fail("Auth:MagicLink:ExpiresIn must be between 00:01:00 and 01:00:00.")
            : ValidateOptionsResult.Success;
}

internal sealed class EmailOtpOptionsValidator : IValidateOptions<EmailOtpOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOtpOptions options)
    {
        var problems = new List<string>();
        if (options.ExpiresIn < TimeSpan.FromMinutes(1) || options.ExpiresIn > TimeSpan.FromHours(1))
        {
            problems.Add("Auth:EmailOtp:ExpiresIn must be between 00:01:00 and 01:00:00.");
        }

        // A six-digit code is one guess in a million; more than ten guesses per code make it a weak secret.
        if (options.AllowedAttempts is < 1 or > 10)
        {
            problems.Add("Auth:EmailOtp:AllowedAttempts must be between 1 and 10.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
