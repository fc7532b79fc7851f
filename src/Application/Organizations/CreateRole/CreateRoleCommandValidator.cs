using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.CreateRole;

internal sealed class CreateRoleCommandValidator : AbstractValidator<CreateRoleCommand>
{
    public CreateRoleCommandValidator()
    {
        RuleFor(c => c.Role).Must(r => OrganizationRole.NormalizeName(r) is not null)
            .WithMessage($"role is a name of 1 to {OrganizationRole.MaxNameLength} characters without commas or spaces.");
        RuleFor(c => c.Permission).NotNull();
        RuleFor(c => c.Permission).Must(OrganizationRoleShape.IsValid!).When(c => c.Permission is not null).WithMessage(OrganizationRoleShape.Rule);
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
