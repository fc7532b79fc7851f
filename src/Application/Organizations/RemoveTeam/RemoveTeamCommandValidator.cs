using FluentValidation;

namespace AuthPlatform.Application.Organizations.RemoveTeam;

internal sealed class RemoveTeamCommandValidator : AbstractValidator<RemoveTeamCommand>
{
    public RemoveTeamCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
