using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.UpdateRole;

internal sealed class UpdateRoleCommandValidator : AbstractValidator<UpdateRoleCommand>
{
    public UpdateRoleCommandValidator()
    {
        RuleFor(c => c.NewName).Must(n => OrganizationRole.NormalizeName(n) is not null).When(c => c.NewName is not null)
            .WithMessage($"data.roleName is a name of 1 to {OrganizationRole.MaxNameLength} characters without commas or spaces.");
        RuleFor(c => c.Permission).Must(OrganizationRoleShape.IsValid!).When(c => c.Permission is not null).WithMessage(OrganizationRoleShape.Rule);
        RuleFor(c => c.RoleName).MaximumLength(OrganizationRole.MaxNameLength);
        RuleFor(c => c.RoleId).MaximumLength(64);
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
