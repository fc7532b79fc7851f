using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using FluentValidation;

namespace AuthPlatform.Application.Common.Validation;

/// <summary>
/// Refuses passwords from the common-password list (ASVS 6.2.4), only once the length rules pass, so a
/// short common password is reported as too short, not as compromised.
/// </summary>
public static class CommonPasswordRules
{
    public static string CompromisedCode => Errors.PasswordCompromised.Code;

    public static IRuleBuilderOptions<T, string?> NotCommon<T>(this IRuleBuilderInitial<T, string?> rule, ICommonPasswordList list) =>
        rule.Must(p => p is null || !list.Contains(p))
            .WithErrorCode(CompromisedCode)
            .WithMessage(Errors.PasswordCompromised.Message);

    /// <summary>True when the length rules of <see cref="PasswordRules"/> accept the password.</summary>
    public static bool MeetsLengthRules(string? password) =>
        password is not null
        && password.Length <= PasswordRules.MaxLength * 4
        && PasswordRules.Length(password) is >= PasswordRules.MinLength and <= PasswordRules.MaxLength;
}
