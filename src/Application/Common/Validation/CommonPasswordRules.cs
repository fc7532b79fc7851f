using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using FluentValidation;
using FluentValidation.Results;

namespace AuthPlatform.Application.Common.Validation;

/// <summary>
/// Refuses passwords known from breaches (ASVS 6.2.4; <see cref="PasswordBreachCheck"/>), only once the length
/// rules pass, so a short common password is reported as too short, not as compromised. Every validator of a
/// command that sets a password uses this rule: it is the one place the breach check is wired in.
/// </summary>
public static class CommonPasswordRules
{
    public static string CompromisedCode => Errors.PasswordCompromised.Code;

    public static IRuleBuilderOptionsConditions<T, string?> NotBreached<T>(this IRuleBuilder<T, string?> rule, PasswordBreachCheck check) =>
        rule.CustomAsync(async (password, context, cancellationToken) =>
        {
            if (!MeetsLengthRules(password) || await check.RefusalOfAsync(password!, cancellationToken) is not { } refusal)
            {
                return;
            }

            context.AddFailure(new ValidationFailure(context.PropertyPath, refusal.Message) { ErrorCode = refusal.Code });
        });

    /// <summary>True when the length rules of <see cref="PasswordRules"/> accept the password.</summary>
    public static bool MeetsLengthRules(string? password) =>
        password is not null
        && password.Length <= PasswordRules.MaxLength * 4
        && PasswordRules.Length(password) is >= PasswordRules.MinLength and <= PasswordRules.MaxLength;
}
