using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.Admin.ListUsers;

/// <summary>
/// GET /admin/list-users: a page of users, searched (email or name; contains, starts_with, ends_with), filtered
/// (a field equal to a value), sorted and paged as BetterAuth's admin plugin does.
/// </summary>
public sealed record ListUsersQuery(
    string? SearchValue,
    string? SearchField,
    string? SearchOperator,
    int? Limit,
    int? Offset,
    string? SortBy,
    string? SortDirection,
    string? FilterField,
    string? FilterValue,
    string? FilterOperator) : IQuery<Result<UserPage>>;

/// <summary>BetterAuth's answer: the page, the count of all matching users, and the paging as asked.</summary>
public sealed record UserPage(IReadOnlyList<AdminUserDto> Users, int Total, int? Limit, int? Offset);
