using System.Text;
using AuthPlatform.Application.Common.Results;
using FluentValidation;

namespace AuthPlatform.Application.Common.Validation;

/// <summary>
/// Length rules for passwords (ASVS 6.2.1/6.2.9): 8 to 128 characters after NFKC normalisation,
/// counted in Unicode code points, no composition rules.
/// </summary>
public static class PasswordRules
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static string TooShortCode => Errors.PasswordTooShort.Code;
    public static string TooLongCode => Errors.PasswordTooLong.Code;

    /// <summary>The form every password is hashed and measured in.</summary>
    public static string Normalize(string password)
    {
        try
        {
            return password.Normalize(NormalizationForm.FormKC);
        }
        catch (ArgumentException)
        {
            // Lone surrogates cannot be normalised; measure and hash them as given.
            return password;
        }
    }

    public static int Length(string password) => Normalize(password).EnumerateRunes().Count();

    /// <summary>Required, 8..128 characters, with BetterAuth's error codes. Whitespace is a valid character.</summary>
    public static IRuleBuilderOptions<T, string?> Password<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotNull().WithErrorCode(Errors.ValidationError.Code).WithMessage("Password is required.")
            // Cheap guard first: never normalise a huge input just to learn that it is too long.
            .Must(p => p!.Length <= MaxLength * 4).WithErrorCode(TooLongCode).WithMessage(Errors.PasswordTooLong.Message)
            .Must(p => Length(p!) >= MinLength).WithErrorCode(TooShortCode).WithMessage(Errors.PasswordTooShort.Message)
            .Must(p => Length(p!) <= MaxLength).WithErrorCode(TooLongCode).WithMessage(Errors.PasswordTooLong.Message);
}
