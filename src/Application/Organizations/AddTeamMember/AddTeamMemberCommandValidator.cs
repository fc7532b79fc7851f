using FluentValidation;

namespace AuthPlatform.Application.Organizations.AddTeamMember;

internal sealed class AddTeamMemberCommandValidator : AbstractValidator<AddTeamMemberCommand>
{
    public AddTeamMemberCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
