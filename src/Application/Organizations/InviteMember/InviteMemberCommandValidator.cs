using AuthPlatform.Application.Common.Validation;
using AuthPlatform.Application.Mail;
using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.InviteMember;

internal sealed class InviteMemberCommandValidator : AbstractValidator<InviteMemberCommand>
{
    public InviteMemberCommandValidator()
    {
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.Roles).NotEmpty().WithErrorCode(Common.Results.Errors.Organizations.RoleNotFound.Code).WithMessage("A role is required.");
        RuleFor(c => c.TeamIds).Must(t => t is null || string.Join(',', t).Length <= Member.MaxRoleLength).WithMessage($"The team ids together are at most {Member.MaxRoleLength} characters.");
        RuleFor(c => c.CallbackUrl).MaximumLength(RedirectTargets.MaxLength).WithMessage("callbackURL is too long.");
        RuleFor(c => c.Roles).Must(r => string.Join(',', r).Length <= Member.MaxRoleLength).WithMessage($"The roles together are at most {Member.MaxRoleLength} characters.");
    }
}
