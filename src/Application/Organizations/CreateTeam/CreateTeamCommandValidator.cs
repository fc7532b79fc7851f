using AuthPlatform.Domain.Organizations;
using FluentValidation;

namespace AuthPlatform.Application.Organizations.CreateTeam;

internal sealed class CreateTeamCommandValidator : AbstractValidator<CreateTeamCommand>
{
    public CreateTeamCommandValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(Team.MaxNameLength).Must(n => !string.IsNullOrWhiteSpace(n));
        RuleFor(c => c.OrganizationId).MaximumLength(64);
    }
}
