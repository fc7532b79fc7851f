using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Operators.AddOrganizationMember;

internal sealed class AddOrganizationMemberCommandValidator : AbstractValidator<AddOrganizationMemberCommand>
{
    public AddOrganizationMemberCommandValidator()
    {
        RuleFor(c => c.Organization).NotEmpty().WithMessage("--organization names the organization (slug or id).");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Role)
            .Must(r => RoleNames.Parse(r).Count > 0).WithMessage("--role names at least one role (comma-separated).")
            .Must(r => RoleNames.Join(RoleNames.Parse(r)).Length <= Member.MaxRoleLength).WithMessage($"The roles together must be at most {Member.MaxRoleLength} characters.");
    }
}
