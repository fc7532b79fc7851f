using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations.UpdateOrganization;

internal sealed class UpdateOrganizationCommandHandler(IAuthDbContext db, OrganizationAccess access)
    : ICommandHandler<UpdateOrganizationCommand, Result<OrganizationParsedDto>>
{
    public async ValueTask<Result<OrganizationParsedDto>> Handle(UpdateOrganizationCommand command, CancellationToken cancellationToken)
    {
        var organization = access.Required;
        if (command.Slug is { } slug && slug != organization.Slug
            && await db.Organizations.AnyAsync(o => o.Slug == slug, cancellationToken))
        {
            return Errors.Organizations.SlugTaken;
        }

        organization.Update(command.Name, command.Slug, command.Logo, command.Metadata);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return Errors.Organizations.SlugTaken;
        }

        return OrganizationParsedDto.Of(organization);
    }
}
