using AuthPlatform.Domain.Users;
using FluentValidation;

namespace AuthPlatform.Application.Admin.SetRole;

internal sealed class SetRoleCommandValidator : AbstractValidator<SetRoleCommand>
{
    public SetRoleCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Roles).NotEmpty();
        RuleForEach(c => c.Roles).NotEmpty().Must(r => !r.Contains(',')).WithMessage("A role cannot contain a comma.");
        RuleFor(c => c.Roles).Must(r => r is null || string.Join(',', r).Length <= User.MaxRoleLength)
            .WithMessage($"The roles together must be at most {User.MaxRoleLength} characters.");
    }
}
