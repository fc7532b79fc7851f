using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Domain.Access;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Operators.AddOrganizationMember;

/// <summary>As accept-invitation adds a member: under the organization's row lock, once, within the membership limit.</summary>
internal sealed class AddOrganizationMemberCommandHandler(
    IAuthDbContext db, OrganizationRoleBook roleBook, IOrganizationRowLock rowLock, IOptions<OrganizationOptions> options, TimeProvider clock, AuditTrail audit)
    : ICommandHandler<AddOrganizationMemberCommand, Result<OrganizationMembership>>
{
    public async ValueTask<Result<OrganizationMembership>> Handle(AddOrganizationMemberCommand command, CancellationToken cancellationToken)
    {
        var organization = await OperatorOrganizations.FindAsync(db, command.Organization, cancellationToken);
        if (organization is null)
        {
            return Errors.Organizations.NotFound;
        }

        var email = EmailAddress.Parse(command.Email!).Value;
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Errors.UserNotFound;
        }

        var roles = RoleNames.Parse(command.Role);
        if ((await roleBook.InAsync(organization.Id, cancellationToken)).Unknown(roles) is { Count: > 0 } unknown)
        {
            return Errors.Organizations.RoleNotFound.WithMessage("ROLE_NOT_FOUND: " + string.Join(", ", unknown));
        }

        return await rowLock.RunLockedAsync(organization.Id, async ct =>
        {
            if (await OrganizationMembers.RefusalAsync(db, organization.Id, userId, options.Value.MembershipLimit, ct) is { } refusal)
            {
                return (Result<OrganizationMembership>)refusal;
            }

            var member = OrganizationMembers.Join(db, audit, organization.Id, userId, roles, clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
            return new OrganizationMembership(organization.Id, organization.Slug, userId, member.Id, member.Role);
        }, cancellationToken);
    }
}
