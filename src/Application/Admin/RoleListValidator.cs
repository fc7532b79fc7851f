using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Admin;

/// <summary>Roles an administrator gives a user (set-role, create-user, update-user): at least one, no commas, short enough together.</summary>
internal sealed class RoleListValidator : AbstractValidator<IReadOnlyList<string>>
{
    public RoleListValidator()
    {
        RuleFor(r => r).NotEmpty().WithMessage("At least one role is required.");
        RuleForEach(r => r).NotEmpty().Must(r => !r.Contains(',')).WithMessage("A role cannot contain a comma.");
        RuleFor(r => r).Must(r => string.Join(',', r).Length <= User.MaxRoleLength)
            .WithMessage($"The roles together must be at most {User.MaxRoleLength} characters.");
    }
}
