using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Username.SignInUsername;

internal sealed class SignInUsernameCommandValidator : AbstractValidator<SignInUsernameCommand>
{
    public SignInUsernameCommandValidator()
    {
        // BetterAuth answers a missing username or password as a failed sign-in (401), then checks the format.
        RuleFor(c => c.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(Errors.InvalidUsernameOrPassword.Code).WithMessage(Errors.InvalidUsernameOrPassword.Message)
            .Custom((username, context) =>
            {
                // Only the format: a reserved name may still belong to a user who took it before it was reserved.
                if (UsernameRules.FormatError(username) is { } error)
                {
                    context.AddFailure(new FluentValidation.Results.ValidationFailure(context.PropertyPath, error.Message) { ErrorCode = error.Code });
                }
            });

        // Only "present" and "not too long", as at email sign-in: the length cap keeps huge inputs away from the hasher.
        RuleFor(c => c.Password)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(Errors.InvalidUsernameOrPassword.Code).WithMessage(Errors.InvalidUsernameOrPassword.Message)
            .Must(p => p!.Length <= PasswordRules.MaxLength * 4 && PasswordRules.Length(p) <= PasswordRules.MaxLength)
                .WithErrorCode(PasswordRules.TooLongCode).WithMessage(Errors.PasswordTooLong.Message);
    }
}
