using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.UpdateMemberRole;

internal sealed class UpdateMemberRoleCommandValidator : AbstractValidator<UpdateMemberRoleCommand>
{
    public UpdateMemberRoleCommandValidator()
    {
        RuleFor(c => c.MemberId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Roles).NotEmpty();
        RuleFor(c => c.Roles).Must(r => string.Join(',', r).Length <= Member.MaxRoleLength).WithMessage($"The roles together are at most {Member.MaxRoleLength} characters.");
    }
}
