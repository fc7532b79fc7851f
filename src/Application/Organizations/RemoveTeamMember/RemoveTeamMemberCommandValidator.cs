using FluentValidation;

namespace AuthPlatform.Application.Organizations.RemoveTeamMember;

internal sealed class RemoveTeamMemberCommandValidator : AbstractValidator<RemoveTeamMemberCommand>
{
    public RemoveTeamMemberCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
