using System.Text;
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

    public const string TooShortCode = "PASSWORD_TOO_SHORT";
    public const string TooLongCode = "PASSWORD_TOO_LONG";

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
            .NotNull().WithErrorCode("VALIDATION_ERROR").WithMessage("Password is required.")
            // Cheap guard first: never normalise a huge input just to learn that it is too long.
            .Must(p => p!.Length <= MaxLength * 4).WithErrorCode(TooLongCode).WithMessage(TooLongMessage)
            .Must(p => Length(p!) >= MinLength).WithErrorCode(TooShortCode).WithMessage(TooShortMessage)
            .Must(p => Length(p!) <= MaxLength).WithErrorCode(TooLongCode).WithMessage(TooLongMessage);

    private const string TooShortMessage = "Password is too short: at least 8 characters.";
    private const string TooLongMessage = "Password is too long: at most 128 characters.";
}
