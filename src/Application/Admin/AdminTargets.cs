using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin;

/// <summary>The user an administration route acts on, by id (USER_NOT_FOUND when there is none).</summary>
internal static class AdminTargets
{
    public static async Task<Result<User>> FindAsync(IAuthDbContext db, string userId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is null ? Errors.UserNotFound : user;
    }
}
