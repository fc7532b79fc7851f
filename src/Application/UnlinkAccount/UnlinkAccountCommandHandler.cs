using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.UnlinkAccount;

internal sealed class UnlinkAccountCommandHandler(IAuthDbContext db) : ICommandHandler<UnlinkAccountCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(UnlinkAccountCommand command, CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.Where(a => a.UserId == command.UserId).ToListAsync(cancellationToken);
        var password = await db.PasswordCredentials.FirstOrDefaultAsync(p => p.UserId == command.UserId, cancellationToken);
        var passkeys = await db.Passkeys.CountAsync(p => p.UserId == command.UserId, cancellationToken);

        // The row id (list-accounts' id), or BetterAuth's older form: the provider id with the provider's account id.
        var account = accounts.FirstOrDefault(a => a.Id == command.AccountId)
            ?? accounts.FirstOrDefault(a => command.ProviderId is not null && a.ProviderId == command.ProviderId && (command.AccountId is null || a.Subject == command.AccountId));
        var isPassword = password is not null && (command.AccountId == password.Id || command.ProviderId == "credential");
        if (account is null && !isPassword)
        {
            return SocialErrors.AccountNotFound;
        }

        var ways = accounts.Count + (password is null ? 0 : 1) + passkeys;
        if (ways <= 1)
        {
            return SocialErrors.FailedToUnlinkLastAccount;
        }

        if (account is not null)
        {
            db.Accounts.Remove(account);
        }
        else
        {
            db.PasswordCredentials.Remove(password!);
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
