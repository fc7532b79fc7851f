using AuthPlatform.Application.Common.Exceptions;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Common.Users;

/// <summary>Whether a normalized username belongs to someone: the question sign-up, update-user and is-username-available ask.</summary>
internal static class Usernames
{
    /// <summary>True when a user other than <paramref name="exceptUserId"/> holds <paramref name="normalized"/>.</summary>
    public static Task<bool> IsTakenAsync(IAuthDbContext db, string normalized, string? exceptUserId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.Username == normalized && u.Id != exceptUserId, cancellationToken);

    /// <summary>The unique index on users.username refused a write: another request took the name since it was checked.</summary>
    public static bool IsUsernameConflict(UniqueConstraintViolationException exception) =>
        exception.ConstraintName?.Contains("username", StringComparison.OrdinalIgnoreCase) == true;
}
