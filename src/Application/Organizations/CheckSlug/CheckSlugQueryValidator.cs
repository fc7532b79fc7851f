using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.CheckSlug;

internal sealed class CheckSlugQueryValidator : AbstractValidator<CheckSlugQuery>
{
    public CheckSlugQueryValidator() =>
        RuleFor(q => q.Slug).NotEmpty().Must(Organization.IsValidSlug).WithMessage(SlugRule.Message);
}
