using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Social.ListAccounts;

/// <summary>The caller's accounts: the password (if any) and each provider's account, oldest first. GET /list-accounts.</summary>
public sealed record ListAccountsQuery(string UserId) : IQuery<Result<IReadOnlyList<AccountDto>>>;
