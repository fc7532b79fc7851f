using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Organizations;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators.TransferOrganizationOwnership;

/// <summary>
/// Under the organization's row lock, as update-member-role: the members are read, and
/// <see cref="OrganizationOwners.TransferTo"/> (the domain's last-owner rule) decides the new roles.
/// </summary>
internal sealed class TransferOrganizationOwnershipCommandHandler(
    IAuthDbContext db, OrganizationRoles roles, OrganizationRoleBook roleBook, IOrganizationRowLock rowLock, AuditTrail audit)
    : ICommandHandler<TransferOrganizationOwnershipCommand, Result<OwnershipTransferred>>
{
    public async ValueTask<Result<OwnershipTransferred>> Handle(TransferOrganizationOwnershipCommand command, CancellationToken cancellationToken)
    {
        var organization = await OperatorOrganizations.FindAsync(db, command.Organization, cancellationToken);
        if (organization is null)
        {
            return Errors.Organizations.NotFound;
        }

        var formerOwnerRole = command.FormerOwnerRole!.Trim().ToLowerInvariant();
        if (formerOwnerRole == roles.CreatorRole || !(await roleBook.InAsync(organization.Id, cancellationToken)).Exists(formerOwnerRole))
        {
            return Errors.Organizations.RoleNotFound.WithMessage($"ROLE_NOT_FOUND: {formerOwnerRole} (the role former owners hold instead, not {roles.CreatorRole})");
        }

        var email = EmailAddress.Parse(command.Email!).Value;
        var userId = await db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (userId is null)
        {
            return Errors.UserNotFound;
        }

        return await rowLock.RunLockedAsync(organization.Id, async ct =>
        {
            var members = await db.Members.Where(m => m.OrganizationId == organization.Id).ToListAsync(ct);
            var newOwner = members.FirstOrDefault(m => m.UserId == userId);
            if (newOwner is null)
            {
                return (Result<OwnershipTransferred>)Errors.Organizations.UserNotMember;
            }

            var changed = OrganizationOwners.TransferTo(members, newOwner, roles.CreatorRole, formerOwnerRole);
            foreach (var member in changed)
            {
                audit.Record(AuditEventTypes.MemberRoleChanged, member.UserId, reason: member.Role, organizationId: organization.Id);
            }

            await db.SaveChangesAsync(ct);
            return new OwnershipTransferred(organization.Id, organization.Slug, userId, changed.Select(m => (m.UserId, m.Role)).ToList());
        }, cancellationToken);
    }
}
