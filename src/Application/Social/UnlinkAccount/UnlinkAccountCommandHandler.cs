using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Social.UnlinkAccount;

internal sealed class UnlinkAccountCommandHandler(IAuthDbContext db, SignInMethodRemoval removal) : ICommandHandler<UnlinkAccountCommand, Result<bool>>
{
    public async ValueTask<Result<bool>> Handle(UnlinkAccountCommand command, CancellationToken cancellationToken) =>
        await removal.RemoveAsync(command.UserId, async token =>
        {
            // The row id (list-accounts' id), or BetterAuth's older form: the provider id with the provider's account id.
            var accounts = await db.Accounts.Where(a => a.UserId == command.UserId).ToListAsync(token);
            var account = accounts.FirstOrDefault(a => a.Id == command.AccountId)
                ?? accounts.FirstOrDefault(a => command.ProviderId is not null && a.ProviderId == command.ProviderId && (command.AccountId is null || a.Subject == command.AccountId));
            if (account is not null)
            {
                return () => db.Accounts.Remove(account);
            }

            var password = await db.PasswordCredentials.FirstOrDefaultAsync(p => p.UserId == command.UserId, token);
            return password is not null && (command.AccountId == password.Id || command.ProviderId == "credential")
                ? () => db.PasswordCredentials.Remove(password)
                : null;
        }, SocialErrors.AccountNotFound, SocialErrors.FailedToUnlinkLastAccount, AuditEventTypes.ProviderUnlinked, command.ProviderId, cancellationToken);
}
