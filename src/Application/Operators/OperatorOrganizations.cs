using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Domain.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Operators;

/// <summary>How the operator commands name an organization: its slug, else its id.</summary>
internal static class OperatorOrganizations
{
    public static async Task<Organization?> FindAsync(IAuthDbContext db, string? slugOrId, CancellationToken cancellationToken)
    {
        var key = slugOrId?.Trim() ?? string.Empty;
        if (key.Length == 0)
        {
            return null;
        }

        var slug = key.ToLowerInvariant(); // slugs are stored lower-case
        return await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Slug == slug, cancellationToken)
            ?? await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == key, cancellationToken);
    }
}
