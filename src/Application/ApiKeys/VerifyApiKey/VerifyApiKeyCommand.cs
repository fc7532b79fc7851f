using System.Text.Json;
using AuthPlatform.Application.Common.Results;
using Mediator;

namespace AuthPlatform.Application.ApiKeys.VerifyApiKey;

/// <summary>
/// One use of a key: valid or not, and why, counting the use (uses left, rate limit). Asked by
/// POST /api-key/verify and by the authentication handler for a request that carries the key header.
/// <see cref="Permissions"/> (BetterAuth's statements) must all be granted by the key.
/// </summary>
public sealed record VerifyApiKeyCommand(string? Key, JsonElement? Permissions) : ICommand<Result<ApiKeyVerification>>
{
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Key = ***, Permissions = ").Append(Permissions?.GetRawText());
        return true;
    }
}

/// <summary>The verdict: the key (without the secret) when valid, else the refusal.</summary>
public sealed record ApiKeyVerification(ApiKeyDto? Key, Error? Refusal)
{
    public bool Valid => Refusal is null;
}
