using AuthPlatform.Application.Common.Validation;
using FluentValidation;

namespace AuthPlatform.Application.Operators.TransferOrganizationOwnership;

internal sealed class TransferOrganizationOwnershipCommandValidator : AbstractValidator<TransferOrganizationOwnershipCommand>
{
    public TransferOrganizationOwnershipCommandValidator()
    {
        RuleFor(c => c.Organization).NotEmpty().WithMessage("--organization names the organization (slug or id).");
        RuleFor(c => c.Email).EmailAddress();
        RuleFor(c => c.FormerOwnerRole).NotEmpty().Must(r => r is null || !r.Contains(',')).WithMessage("--former-owner-role is one role.");
    }
}
