using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.DeleteOrganization;

/// <summary>
/// Deletes the row; the database removes its members and invitations and clears it from every session that had it
/// active (foreign keys), and those session and member writes notify the session caches.
/// </summary>
internal sealed class DeleteOrganizationCommandHandler(IAuthDbContext db, OrganizationAccess access, IOptions<OrganizationOptions> options, AuditTrail audit)
    : ICommandHandler<DeleteOrganizationCommand, Result<OrganizationDto>>
{
    public async ValueTask<Result<OrganizationDto>> Handle(DeleteOrganizationCommand command, CancellationToken cancellationToken)
    {
        if (options.Value.DisableOrganizationDeletion)
        {
            return Errors.Organizations.DeletionDisabled;
        }

        var organization = access.Required;
        var answer = OrganizationDto.Of(organization);
        db.Organizations.Remove(organization);
        audit.Record(AuditEventTypes.OrganizationDeleted, subjectUserId: null, reason: organization.Slug, organizationId: organization.Id);
        await db.SaveChangesAsync(cancellationToken);
        return answer;
    }
}
