using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.UpdateTeam;

internal sealed class UpdateTeamCommandValidator : AbstractValidator<UpdateTeamCommand>
{
    public UpdateTeamCommandValidator()
    {
        RuleFor(c => c.TeamId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Name).MaximumLength(Team.MaxNameLength).Must(n => n is null || !string.IsNullOrWhiteSpace(n)).WithMessage("A team's name is not blank.");
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
