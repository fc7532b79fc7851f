using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.DeleteApiKey;

/// <summary>Deletes one of the caller's keys; it is refused from the next use on, on every instance. POST /api-key/delete.</summary>
public sealed record DeleteApiKeyCommand(string UserId, string? KeyId) : ICommand<Result<bool>>;
