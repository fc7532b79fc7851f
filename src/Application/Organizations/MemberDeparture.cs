using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// A member who leaves or is removed no longer works in the organization: their sessions that had it active lose it
/// (and its team), so neither get-session nor a token names an organization they no longer belong to, and they leave
/// the organization's teams.
/// </summary>
internal static class MemberDeparture
{
    public static async Task ClearActiveAsync(IAuthDbContext db, Member member, CancellationToken cancellationToken)
    {
        var sessions = await db.Sessions
            .Where(s => s.UserId == member.UserId && s.ActiveOrganizationId == member.OrganizationId)
            .ToListAsync(cancellationToken);
        foreach (var session in sessions)
        {
            session.SetActiveOrganization(null);
        }

        var teamIds = db.Teams.Where(t => t.OrganizationId == member.OrganizationId).Select(t => t.Id);
        db.TeamMembers.RemoveRange(await db.TeamMembers.Where(m => m.UserId == member.UserId && teamIds.Contains(m.TeamId)).ToListAsync(cancellationToken));
    }
}
