using System.Text.Json;
using AuthPlatform.Application.ApiKeys;

namespace AuthPlatform.WebApi.Contracts;

// Request and response bodies of BetterAuth's api-key plugin. Fields only BetterAuth's server API may set are
// accepted here only to be refused by name (SERVER_ONLY_PROPERTY), as the plugin does over HTTP.

/// <summary>The fields of create and update that only the server may set.</summary>
public abstract class ApiKeyServerOnlyFields
{
    public JsonElement? UserId { get; init; }

    public JsonElement? Remaining { get; init; }

    public JsonElement? RefillAmount { get; init; }

    public JsonElement? RefillInterval { get; init; }

    public JsonElement? RateLimitEnabled { get; init; }

    public JsonElement? RateLimitTimeWindow { get; init; }

    public JsonElement? RateLimitMax { get; init; }

    public JsonElement? Permissions { get; init; }

    /// <summary>The names of the server-only fields this request set.</summary>
    public IReadOnlyList<string> ServerOnlyFieldsSet() =>
        new (string Name, JsonElement? Value)[]
        {
            ("userId", UserId), ("remaining", Remaining), ("refillAmount", RefillAmount), ("refillInterval", RefillInterval),
            ("rateLimitEnabled", RateLimitEnabled), ("rateLimitTimeWindow", RateLimitTimeWindow), ("rateLimitMax", RateLimitMax),
            ("permissions", Permissions),
        }.Where(f => f.Value is { ValueKind: not JsonValueKind.Null }).Select(f => f.Name).ToList();
}

/// <summary>POST /api-key/create.</summary>
public sealed class CreateApiKeyRequest : ApiKeyServerOnlyFields
{
    public string? Name { get; init; }

    /// <summary>Seconds until the key expires.</summary>
    public double? ExpiresIn { get; init; }

    public string? Prefix { get; init; }

    public JsonElement? Metadata { get; init; }
}

/// <summary>POST /api-key/update.</summary>
public sealed class UpdateApiKeyRequest : ApiKeyServerOnlyFields
{
    public string? KeyId { get; init; }

    public string? Name { get; init; }

    public bool? Enabled { get; init; }

    /// <summary>Seconds from now until the key expires; null removes the expiry.</summary>
    public JsonElement? ExpiresIn { get; init; }

    public JsonElement? Metadata { get; init; }
}

/// <summary>POST /api-key/delete.</summary>
public sealed class DeleteApiKeyRequest
{
    public string? KeyId { get; init; }
}

/// <summary>POST /api-key/verify: a key and, optionally, the permissions it must grant.</summary>
public sealed class VerifyApiKeyRequest
{
    public string? Key { get; init; }

    public JsonElement? Permissions { get; init; }
}

/// <summary>The answer of verify, always 200: the key when valid, else the refusal's code and message.</summary>
public sealed record VerifyApiKeyResponse(bool Valid, VerifyApiKeyError? Error, ApiKeyDto? Key);

/// <summary>Why a key was refused; <see cref="Details"/> carries tryAgainIn (ms) when rate limited.</summary>
public sealed record VerifyApiKeyError(string Code, string Message, VerifyApiKeyErrorDetails? Details);

public sealed record VerifyApiKeyErrorDetails(long TryAgainIn);
