using System.Text.Json;

namespace AuthPlatform.WebApi.Contracts;

// Sign-in with an identity provider and the account routes, as BetterAuth's client sends and reads them.

public sealed class SignInSocialRequest
{
    public string? Provider { get; init; }

    public string? CallbackURL { get; init; }

    public string? ErrorCallbackURL { get; init; }

    public string? NewUserCallbackURL { get; init; }

    public bool? DisableRedirect { get; init; }

    /// <summary>BetterAuth's sign-in with a provider's ID token from the client: not supported (404 ID_TOKEN_NOT_SUPPORTED).</summary>
    public JsonElement? IdToken { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }

    public string? LoginHint { get; init; }

    public bool? RequestSignUp { get; init; }
}

public sealed class LinkSocialRequest
{
    public string? Provider { get; init; }

    public string? CallbackURL { get; init; }

    public string? ErrorCallbackURL { get; init; }

    public bool? DisableRedirect { get; init; }

    public JsonElement? IdToken { get; init; }

    public IReadOnlyList<string>? Scopes { get; init; }

    public string? LoginHint { get; init; }
}

public sealed class UnlinkAccountRequest
{
    /// <summary>The account row's id, as list-accounts shows it.</summary>
    public string? AccountId { get; init; }

    /// <summary>BetterAuth's older form: the provider id (with <see cref="AccountId"/> as the provider's account id).</summary>
    public string? ProviderId { get; init; }
}

public sealed class AccountTokenRequest
{
    /// <summary>The account row's id (list-accounts), or the provider id.</summary>
    public string? AccountId { get; init; }

    public string? ProviderId { get; init; }

    public string? UserId { get; init; }
}

/// <summary>The provider's authorization URL; the browser goes there (Location is also set unless disableRedirect).</summary>
public sealed record SocialRedirectResponse(string Url, bool Redirect);

public sealed record SocialProviderResponse(string Id, string Name);

/// <summary>get-access-token's answer (BetterAuth's shape: no tokenType). Never logged.</summary>
public sealed class AccessTokenResponse
{
    public required string AccessToken { get; init; }

    public DateTimeOffset? AccessTokenExpiresAt { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    public string? IdToken { get; init; }
}

/// <summary>refresh-token's answer. Never logged.</summary>
public sealed class RefreshedTokensResponse
{
    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public DateTimeOffset? AccessTokenExpiresAt { get; init; }

    public DateTimeOffset? RefreshTokenExpiresAt { get; init; }

    public string? Scope { get; init; }

    public string? IdToken { get; init; }

    public required string ProviderId { get; init; }

    public required string AccountId { get; init; }
}
