using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.UpdateApiKey;

/// <summary>
/// Changes one of the caller's keys: name, enabled, expiry (<see cref="ClearExpiry"/> when expiresIn was
/// null), metadata. POST /api-key/update. Server-only fields refuse the request, as on create.
/// </summary>
public sealed record UpdateApiKeyCommand(
    string UserId, string? KeyId, string? Name, bool? Enabled, double? ExpiresIn, bool ClearExpiry, JsonElement? Metadata,
    IReadOnlyList<string> ServerOnlyFields) : ICommand<Result<ApiKeyDto>>
{
    public bool ChangesSomething => Name is not null || Enabled is not null || ExpiresIn is not null || ClearExpiry || Metadata is not null;

    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("UserId = ").Append(UserId).Append(", KeyId = ").Append(KeyId).Append(", Name = ").Append(Name).Append(", Enabled = ").Append(Enabled).Append(", ExpiresIn = ").Append(ExpiresIn).Append(", ClearExpiry = ").Append(ClearExpiry);
        return true;
    }
}
