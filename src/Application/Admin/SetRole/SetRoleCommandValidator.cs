using FluentValidation;

namespace AuthPlatform.Application.Admin.SetRole;

internal sealed class SetRoleCommandValidator : AbstractValidator<SetRoleCommand>
{
    public SetRoleCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Roles).NotNull().SetValidator(new RoleListValidator()!);
    }
}
