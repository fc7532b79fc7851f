using AuthPlatform.Application.Audit;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Audit;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The one way a user joins an organization after its creation (accepting an invitation, the operator's add-member):
/// once, within Auth:Organization:MembershipLimit, written to the audit trail. Callers hold the organization's row
/// lock, so two joins never both pass the same count, and ask <see cref="RefusalAsync"/> before they change anything.
/// </summary>
internal static class OrganizationMembers
{
    /// <summary>Why the user cannot join (already a member, the organization full), or null.</summary>
    public static async Task<Error?> RefusalAsync(IAuthDbContext db, string organizationId, string userId, int membershipLimit, CancellationToken cancellationToken)
    {
        if (await db.Members.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == userId, cancellationToken))
        {
            return Errors.Organizations.AlreadyMember;
        }

        return await db.Members.CountAsync(m => m.OrganizationId == organizationId, cancellationToken) >= membershipLimit
            ? Errors.Organizations.MembershipLimitReached
            : null;
    }

    /// <summary>Adds the member (saved with the caller's transaction), after <see cref="RefusalAsync"/> found no refusal.</summary>
    public static Member Join(IAuthDbContext db, AuditTrail audit, string organizationId, string userId, IEnumerable<string> roles, DateTimeOffset now)
    {
        var member = Member.Join(organizationId, userId, roles, now);
        db.Members.Add(member);
        audit.Record(AuditEventTypes.MemberJoined, userId, reason: member.Role, organizationId: organizationId);
        return member;
    }
}
