using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// The one way a user joins a team (add-team-member, accepting an invitation with teams): once per team, within
/// Auth:Organization:Teams:MaximumMembersPerTeam. Callers hold the organization's row lock, so two joins never
/// both pass the same count.
/// </summary>
internal static class TeamMembership
{
    /// <summary>The user's membership of the team, new or existing; the limit's refusal when the team is full.</summary>
    public static async Task<Result<TeamMember>> JoinAsync(IAuthDbContext db, string teamId, string userId, int? maximumMembers, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var existing = await db.TeamMembers.FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        if (maximumMembers is { } maximum && await db.TeamMembers.CountAsync(m => m.TeamId == teamId, cancellationToken) >= maximum)
        {
            return Errors.Organizations.TeamMemberLimitReached;
        }

        var member = TeamMember.Join(teamId, userId, now);
        db.TeamMembers.Add(member);
        return member;
    }

    /// <summary>True when the team is full (invite-member checks before it invites, as BetterAuth).</summary>
    public static async Task<bool> IsFullAsync(IAuthDbContext db, string teamId, int? maximumMembers, CancellationToken cancellationToken) =>
        maximumMembers is { } maximum && await db.TeamMembers.CountAsync(m => m.TeamId == teamId, cancellationToken) >= maximum;
}
