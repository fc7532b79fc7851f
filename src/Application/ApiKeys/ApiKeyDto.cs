using System.Text.Json;
using System.Text.Json.Serialization;
using AuthPlatform.Domain.ApiKeys;

namespace AuthPlatform.Application.ApiKeys;

/// <summary>
/// An API key as BetterAuth's plugin answers it: intervals and windows in milliseconds, permissions and
/// metadata as objects. <see cref="Key"/> (the secret) is set once, in the answer of create, and never again.
/// </summary>
public sealed record ApiKeyDto(
    string Id,
    string ConfigId,
    string? Name,
    string? Start,
    string? Prefix,
    string ReferenceId,
    string UserId,
    long? RefillInterval,
    int? RefillAmount,
    DateTimeOffset? LastRefillAt,
    bool Enabled,
    bool RateLimitEnabled,
    long? RateLimitTimeWindow,
    int? RateLimitMax,
    int RequestCount,
    int? Remaining,
    DateTimeOffset? LastRequest,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    JsonElement? Permissions,
    JsonElement? Metadata)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Key { get; init; }

    public static ApiKeyDto From(ApiKey key) => new(
        key.Id, key.ConfigId, key.Name, key.Start, key.Prefix, key.UserId, key.UserId,
        Milliseconds(key.RefillInterval), key.RefillAmount, key.LastRefillAt, key.Enabled, key.RateLimitEnabled,
        Milliseconds(key.RateLimitTimeWindow), key.RateLimitMax, key.RequestCount, key.Remaining, key.LastRequest,
        key.ExpiresAt, key.CreatedAt, key.UpdatedAt, Parse(key.Permissions), Parse(key.Metadata));

    private static long? Milliseconds(TimeSpan? span) => span is { } s ? (long)s.TotalMilliseconds : null;

    private static JsonElement? Parse(string? json) => json is null ? null : JsonDocument.Parse(json).RootElement.Clone();
}
