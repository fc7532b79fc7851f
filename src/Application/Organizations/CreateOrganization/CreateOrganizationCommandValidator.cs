using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.CreateOrganization;

internal sealed class CreateOrganizationCommandValidator : AbstractValidator<CreateOrganizationCommand>
{
    public CreateOrganizationCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Organization.MaxNameLength);
        RuleFor(c => c.Slug).NotEmpty().Must(Organization.IsValidSlug).WithMessage(SlugRule.Message);
        RuleFor(c => c.Logo).MaximumLength(Organization.MaxLogoLength);
        RuleFor(c => c.Metadata).MaximumLength(Organization.MaxMetadataLength);
    }
}
