using System.Linq.Expressions;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Results;
using AuthPlatform.Domain.Users;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AuthPlatform.Application.Admin.ListUsers;

internal sealed class ListUsersQueryHandler(IAuthDbContext db, TimeProvider clock)
    : IQueryHandler<ListUsersQuery, Result<UserPage>>
{
    public async ValueTask<Result<UserPage>> Handle(ListUsersQuery query, CancellationToken cancellationToken)
    {
        var users = Matching(db.Users.AsNoTracking(), query);
        var total = await users.CountAsync(cancellationToken);
        var page = await Sort(users, query.SortBy, query.SortDirection == "desc")
            .Skip(query.Offset ?? 0)
            .Take(query.Limit ?? 100)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return new UserPage(page.Select(u => AdminUserDto.Of(u, now)).ToList(), total, query.Limit, query.Offset);
    }

    /// <summary>The users the query's search and filter select, before sorting and paging.</summary>
    internal static IQueryable<User> Matching(IQueryable<User> users, ListUsersQuery query)
    {
        if (!string.IsNullOrEmpty(query.SearchValue))
        {
            users = users.Where(Search(query.SearchField ?? "email", query.SearchOperator ?? "contains", query.SearchValue));
        }

        if (query.FilterValue is not null)
        {
            var equal = Equal(query.FilterField ?? "email", query.FilterValue);
            users = query.FilterOperator == "ne" ? users.Where(Not(equal)) : users.Where(equal);
        }

        return users;
    }

    // The database compares (these lambdas become SQL), where the StringComparison overloads do not translate.
#pragma warning disable CA1862, CA1304, CA1311
    /// <summary>
    /// Case-insensitive: emails are stored lower-case, names are compared lower-case. Npgsql sends these as LIKE
    /// patterns (the typed text's wildcards escaped), which the trigram indexes on email and lower(name) serve
    /// (migration UserSearchIndexes; UserSearchIndexTests keeps it so).
    /// </summary>
    private static Expression<Func<User, bool>> Search(string field, string op, string value)
    {
        var needle = value.ToLowerInvariant();
        return (field, op) switch
        {
            ("name", "starts_with") => u => u.Name.ToLower().StartsWith(needle),
            ("name", "ends_with") => u => u.Name.ToLower().EndsWith(needle),
            ("name", _) => u => u.Name.ToLower().Contains(needle),
            (_, "starts_with") => u => u.Email.StartsWith(needle),
            (_, "ends_with") => u => u.Email.EndsWith(needle),
            _ => u => u.Email.Contains(needle),
        };
    }

    private static Expression<Func<User, bool>> Equal(string field, string value)
    {
        var email = value.ToLowerInvariant();
        return field switch
        {
            "name" => u => u.Name == value,
            "role" => u => u.Role == value,
            "id" => u => u.Id == value,
            "emailVerified" => u => u.EmailVerified == (value == "true"),
            _ => u => u.Email == email,
        };
    }

#pragma warning restore CA1862, CA1304, CA1311

    private static Expression<Func<User, bool>> Not(Expression<Func<User, bool>> predicate) =>
        Expression.Lambda<Func<User, bool>>(Expression.Not(predicate.Body), predicate.Parameters);

    private static IQueryable<User> Sort(IQueryable<User> users, string? field, bool descending) => field switch
    {
        "email" => descending ? users.OrderByDescending(u => u.Email) : users.OrderBy(u => u.Email),
        "name" => descending ? users.OrderByDescending(u => u.Name) : users.OrderBy(u => u.Name),
        "updatedAt" => descending ? users.OrderByDescending(u => u.UpdatedAt) : users.OrderBy(u => u.UpdatedAt),
        "role" => descending ? users.OrderByDescending(u => u.Role) : users.OrderBy(u => u.Role),
        // A stable order for paging when none is asked for.
        _ => descending ? users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id) : users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
    };
}
