using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.UpdateOrganization;

internal sealed class UpdateOrganizationCommandValidator : AbstractValidator<UpdateOrganizationCommand>
{
    public UpdateOrganizationCommandValidator()
    {
        RuleFor(c => c.Name).Must(n => n is null || n.Trim().Length > 0).MaximumLength(Organization.MaxNameLength);
        RuleFor(c => c.Slug).Must(s => s is null || Organization.IsValidSlug(s)).WithMessage(SlugRule.Message);
        RuleFor(c => c.Logo).MaximumLength(Organization.MaxLogoLength);
        RuleFor(c => c.Metadata).MaximumLength(Organization.MaxMetadataLength);
    }
}
