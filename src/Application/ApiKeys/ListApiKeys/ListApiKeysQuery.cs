using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.ListApiKeys;

/// <summary>The caller's keys, a page at a time. GET /api-key/list.</summary>
public sealed record ListApiKeysQuery(string UserId, int? Limit, int? Offset, string? SortBy, string? SortDirection) : IQuery<Result<ApiKeyPage>>;

/// <summary>BetterAuth's answer: the page, the total, and the paging it was asked for.</summary>
public sealed record ApiKeyPage(IReadOnlyList<ApiKeyDto> ApiKeys, int Total, int? Limit, int? Offset);
