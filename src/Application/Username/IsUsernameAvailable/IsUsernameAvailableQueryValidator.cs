using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Username.IsUsernameAvailable;

internal sealed class IsUsernameAvailableQueryValidator : AbstractValidator<IsUsernameAvailableQuery>
{
    public IsUsernameAvailableQueryValidator(UsernamePolicy usernames)
    {
        // BetterAuth: no username is INVALID_USERNAME, then the format rules' own codes (a reserved name is invalid).
        RuleFor(c => c.Username)
            .Cascade(CascadeMode.Stop)
            .NotEmpty().WithErrorCode(Errors.InvalidUsername.Code).WithMessage(Errors.InvalidUsername.Message)
            .Username(usernames);
    }
}
