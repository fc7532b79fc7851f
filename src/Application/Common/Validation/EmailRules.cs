using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Common.Validation;

public static class EmailRules
{
    public static string InvalidEmailCode => Errors.InvalidEmail.Code;

    public static IRuleBuilderOptions<T, string?> EmailAddress<T>(this IRuleBuilderInitial<T, string?> rule) =>
        rule.Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(Errors.ValidationError.Code).WithMessage("Email is required.")
            .Must(e => Domain.Users.EmailAddress.TryCreate(e, out _)).WithErrorCode(InvalidEmailCode).WithMessage(Errors.InvalidEmail.Message);
}
