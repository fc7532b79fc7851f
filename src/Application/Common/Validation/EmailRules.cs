using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Common.Validation;

public static class EmailRules
{
    public const string InvalidEmailCode = "INVALID_EMAIL";

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode("VALIDATION_ERROR").WithMessage("Email is required.")
            .Must(e => Domain.Users.EmailAddress.TryCreate(e, out _)).WithErrorCode(InvalidEmailCode).WithMessage("Invalid email.");
}
