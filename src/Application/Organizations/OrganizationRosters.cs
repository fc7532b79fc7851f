using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Organizations;

/// <summary>An organization's roster, from memory when the cache can vouch for it, else from the database (and then remembered).</summary>
internal sealed class OrganizationRosters(IAuthDbContext db, IOrganizationRosterCache cache, IOptions<OrganizationOptions> options)
{
    public async Task<OrganizationRoster> OfAsync(string organizationId, CancellationToken cancellationToken)
    {
        var ticket = cache.BeginRead();
        if (ticket is not null && cache.TryGet(organizationId, out var held))
        {
            return held!;
        }

        var members = await MemberQueries.WithUsers(db, organizationId)
            .OrderBy(r => r.Member.CreatedAt)
            .Take(options.Value.MembershipLimit)
            .ToDtosAsync(cancellationToken);
        var invitations = await db.Invitations.AsNoTracking()
            .Where(i => i.OrganizationId == organizationId)
            .OrderBy(i => i.CreatedAt)
            .ToListAsync(cancellationToken);
        var roster = new OrganizationRoster(organizationId, members, invitations);
        if (ticket is { } readTicket)
        {
            cache.Store(roster, readTicket);
        }

        return roster;
    }
}
