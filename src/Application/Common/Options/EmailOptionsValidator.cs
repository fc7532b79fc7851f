using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

internal sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        var problems = new List<string>();
        if (options.ResetPasswordTokenLifetime < TimeSpan.FromMinutes(1) || options.ResetPasswordTokenLifetime > TimeSpan.FromDays(1))
        {
            problems.Add("Auth:Email:ResetPasswordTokenLifetime must be between 00:01:00 and 1.00:00:00.");
        }

        if (options.VerificationTokenLifetime < TimeSpan.FromMinutes(1) || options.VerificationTokenLifetime > TimeSpan.FromDays(7))
        {
            problems.Add("Auth:Email:VerificationTokenLifetime must be between 00:01:00 and 7.00:00:00.");
        }

        if (options.PerRecipientLimit < 1)
        {
            problems.Add("Auth:Email:PerRecipientLimit must be at least 1.");
        }

        if (options.PerRecipientWindow <= TimeSpan.Zero)
        {
            problems.Add("Auth:Email:PerRecipientWindow must be positive, e.g. 00:15:00.");
        }

        // A refused request is fair only while the mails that spent the budget still hold working links (ADR 0112).
        if (options.PerRecipientWindow > options.ResetPasswordTokenLifetime || options.PerRecipientWindow > options.VerificationTokenLifetime)
        {
            problems.Add("Auth:Email:PerRecipientWindow must not be longer than ResetPasswordTokenLifetime and VerificationTokenLifetime.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
