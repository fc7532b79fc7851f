using FluentValidation;

namespace AuthPlatform.Application.Organizations.RemoveMember;

internal sealed class RemoveMemberCommandValidator : AbstractValidator<RemoveMemberCommand>
{
    public RemoveMemberCommandValidator() => RuleFor(c => c.MemberIdOrEmail).NotEmpty().MaximumLength(320);
}
