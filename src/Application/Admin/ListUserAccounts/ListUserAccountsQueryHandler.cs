using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Social.ListAccounts;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.ListUserAccounts;

/// <summary>The user's own list-accounts and list-user-passkeys, asked for another user, with the state of their TOTP factor.</summary>
internal sealed class ListUserAccountsQueryHandler(IAuthDbContext db) : IQueryHandler<ListUserAccountsQuery, Result<UserAccounts>>
{
    public async ValueTask<Result<UserAccounts>> Handle(ListUserAccountsQuery query, CancellationToken cancellationToken)
    {
        var found = await AdminTargets.FindAsync(db, query.UserId!, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var userId = found.Value.Id;
        var accounts = await ListAccountsQueryHandler.ListAsync(db, userId, cancellationToken);
        var passkeys = await db.Passkeys.AsNoTracking().Where(p => p.UserId == userId).OrderBy(p => p.CreatedAt).ToListAsync(cancellationToken);
        var twoFactorEnabled = await db.TwoFactorEnrolments.AnyAsync(e => e.UserId == userId && e.Verified, cancellationToken);
        var backupCodesLeft = twoFactorEnabled ? await db.BackupCodes.CountAsync(c => c.UserId == userId && c.UsedAt == null, cancellationToken) : 0;
        return new UserAccounts(accounts, passkeys.Select(PasskeyDto.From).ToList(), twoFactorEnabled, backupCodesLeft);
    }
}
