using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.CreateTeam;

/// <summary>Counts the organization's teams under its row lock, so two creations never both pass the limit.</summary>
internal sealed class CreateTeamCommandHandler(
    IAuthDbContext db, OrganizationAccess access, IOrganizationRowLock rowLock, IOptions<OrganizationOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateTeamCommand, Result<TeamDto>>
{
    public async ValueTask<Result<TeamDto>> Handle(CreateTeamCommand command, CancellationToken cancellationToken)
    {
        var organizationId = access.Required.Id;
        return await rowLock.RunLockedAsync(organizationId, async ct =>
        {
            if (options.Value.Teams.MaximumTeams is { } maximum && await db.Teams.CountAsync(t => t.OrganizationId == organizationId, ct) >= maximum)
            {
                return (Result<TeamDto>)Errors.Organizations.TeamLimitReached;
            }

            var team = Team.Create(organizationId, command.Name!, clock.GetUtcNow());
            db.Teams.Add(team);
            audit.Record(AuditEventTypes.TeamCreated, subjectUserId: null, reason: team.Id, organizationId: organizationId);
            await db.SaveChangesAsync(ct);
            return TeamDto.Of(team);
        }, cancellationToken);
    }
}
