using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Social.ListAccounts;

internal sealed class ListAccountsQueryHandler(IAuthDbContext db) : IQueryHandler<ListAccountsQuery, Result<IReadOnlyList<AccountDto>>>
{
    public const string CredentialProviderId = "credential";

    public async ValueTask<Result<IReadOnlyList<AccountDto>>> Handle(ListAccountsQuery query, CancellationToken cancellationToken) =>
        await ListAsync(db, query.UserId, cancellationToken);

    /// <summary>The one listing of a user's accounts, also read by the administrators' list-user-accounts.</summary>
    internal static async Task<List<AccountDto>> ListAsync(IAuthDbContext db, string userId, CancellationToken cancellationToken)
    {
        var result = new List<AccountDto>();
        var password = await db.PasswordCredentials.AsNoTracking().FirstOrDefaultAsync(p => p.UserId == userId, cancellationToken);
        if (password is not null)
        {
            result.Add(new AccountDto(password.Id, CredentialProviderId, userId, userId, password.CreatedAt, password.UpdatedAt, []));
        }

        var accounts = await db.Accounts.AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.CreatedAt).ToListAsync(cancellationToken);
        result.AddRange(accounts.Select(a => new AccountDto(a.Id, a.ProviderId, a.Subject, a.UserId, a.CreatedAt, a.UpdatedAt, a.Scopes)));
        return result;
    }
}
