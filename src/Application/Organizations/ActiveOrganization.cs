using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Organizations;

/// <summary>
/// Writes a session's active organization. The write is an update of the session row, so its trigger tells every
/// instance's session cache (ADR 0095) and the next get-session and /token see the new organization.
/// </summary>
internal static class ActiveOrganization
{
    /// <summary>Sets it on the tracked session (saved by the caller); false when the session is gone.</summary>
    public static async Task<bool> SetAsync(IAuthDbContext db, string sessionId, string? organizationId, CancellationToken cancellationToken)
    {
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return false;
        }

        if (session.ActiveOrganizationId != organizationId)
        {
            session.SetActiveOrganization(organizationId);
        }

        return true;
    }
}
