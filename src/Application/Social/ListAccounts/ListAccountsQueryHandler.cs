using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Social.ListAccounts;

internal sealed class ListAccountsQueryHandler(IAuthDbContext db) : IQueryHandler<ListAccountsQuery, Result<IReadOnlyList<AccountDto>>>
{
    public const string CredentialProviderId = "credential";

    public async ValueTask<Result<IReadOnlyList<AccountDto>>> Handle(ListAccountsQuery query, CancellationToken cancellationToken)
    {
        var result = new List<AccountDto>();
        var password = await db.PasswordCredentials.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == query.UserId, cancellationToken);
        if (password is not null)
        {
            result.Add(new AccountDto(password.Id, CredentialProviderId, query.UserId, query.UserId, password.CreatedAt, password.UpdatedAt, []));
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.UserId == query.UserId).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        result.AddRange(accounts.Select(a => new AccountDto(a.Id, a.ProviderId, a.Subject, a.UserId, a.CreatedAt, a.UpdatedAt, a.Scopes)));
        return result;
    }
}
