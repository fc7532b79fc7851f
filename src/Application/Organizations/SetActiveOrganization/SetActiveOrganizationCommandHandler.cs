using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Organizations.SetActiveOrganization;

internal sealed class SetActiveOrganizationCommandHandler(IAuthDbContext db, OrganizationAccess access)
    : ICommandHandler<SetActiveOrganizationCommand, Result<OrganizationDto?>>
{
    public async ValueTask<Result<OrganizationDto?>> Handle(SetActiveOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = access.Organization;
        if (organization?.Id != command.Actor.ActiveOrganizationId)
        {
            await ActiveOrganization.SetAsync(db, command.Actor.SessionId, organization?.Id, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
        }

        return Result<OrganizationDto?>.Success(organization is null ? null : OrganizationDto.Of(organization));
    }
}
