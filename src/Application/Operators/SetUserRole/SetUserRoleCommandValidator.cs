using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Operators.SetUserRole;

internal sealed class SetUserRoleCommandValidator : AbstractValidator<SetUserRoleCommand>
{
    public SetUserRoleCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Role)
            .Must(r => RoleNames.Parse(r).Count > 0).WithMessage("--role names at least one role (comma-separated).")
            .Must(r => RoleNames.Join(RoleNames.Parse(r)).Length <= User.MaxRoleLength).WithMessage($"The roles together must be at most {User.MaxRoleLength} characters.");
    }
}
