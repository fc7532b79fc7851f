using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations.CreateOrganization;

internal sealed class CreateOrganizationCommandHandler(IAuthDbContext db, IOptions<OrganizationOptions> options, OrganizationRoles roles, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<CreateOrganizationCommand, Result<CreatedOrganizationDto>>
{
    public async ValueTask<Result<CreatedOrganizationDto>> Handle(CreateOrganizationCommand command, CancellationToken cancellationToken)
    {
        if (!options.Value.AllowUserToCreateOrganization)
        {
            return Errors.Organizations.NotAllowedToCreate;
        }

        var userId = command.Actor.UserId;
        if (options.Value.OrganizationLimit is { } limit
            && await db.Members.CountAsync(m => m.UserId == userId, cancellationToken) >= limit)
        {
            return Errors.Organizations.OrganizationLimitReached;
        }

        if (await db.Organizations.AnyAsync(o => o.Slug == command.Slug, cancellationToken))
        {
            return Errors.Organizations.AlreadyExists;
        }

        var now = clock.GetUtcNow();
        var organization = Organization.Create(command.Name!, command.Slug!, command.Logo, command.Metadata, now);
        var member = Member.Join(organization.Id, userId, [roles.CreatorRole], now);
        audit.Record(AuditEventTypes.OrganizationCreated, userId, reason: organization.Slug, organizationId: organization.Id);
        db.Organizations.Add(organization);
        db.Members.Add(member);
        if (!command.KeepCurrentActiveOrganization)
        {
            await ActiveOrganization.SetAsync(db, command.Actor.SessionId, organization.Id, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (UniqueConstraintViolationException)
        {
            return Errors.Organizations.AlreadyExists; // the same slug, taken by a concurrent create
        }

        var created = OrganizationParsedDto.Of(organization);
        return new CreatedOrganizationDto(created.Id, created.Name, created.Slug, created.Logo, created.Metadata, created.CreatedAt, [MemberDto.Of(member)]);
    }
}
