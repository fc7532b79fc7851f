using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Admin.UpdateUser;

internal sealed class UpdateUserCommandValidator : AbstractValidator<UpdateUserCommand>
{
    public UpdateUserCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Changes.Name).NotEmpty().MaximumLength(User.MaxNameLength).When(c => c.Changes.Name is not null);
        RuleFor(c => c.Changes.Image).MaximumLength(User.MaxImageLength);
        RuleFor(c => c.Changes.Email)
            .Must(e => EmailAddress.TryCreate(e, out _)).WithErrorCode(Errors.InvalidEmail.Code).WithMessage(Errors.InvalidEmail.Message)
            .When(c => c.Changes.Email is not null);
        RuleFor(c => c.Changes.Roles).SetValidator(new RoleListValidator()!).When(c => c.Changes.Roles is not null);
    }
}
