using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.GetApiKey;

/// <summary>One of the caller's keys, without the key itself. GET /api-key/get?id=...</summary>
public sealed record GetApiKeyQuery(string UserId, string? Id) : IQuery<Result<ApiKeyDto>>;
