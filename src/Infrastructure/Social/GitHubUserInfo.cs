using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// GitHub's quirks: OAuth 2.0 without OpenID Connect (no discovery, no ID token, so no nonce), fixed
/// endpoints, and the person read from its API: <c>/user</c> (the numeric <c>id</c> is the subject, the
/// login stands in for a missing name) and <c>/user/emails</c> (the primary address and its
/// <c>verified</c> flag; the profile's public email is not used, GitHub does not say whether it is verified).
/// </summary>
internal sealed class GitHubUserInfo(UserInfoEndpoint userInfo)
{
    public static ProviderEndpoints Endpoints(SocialProviderOptions settings) => new(
        settings.AuthorizationUrl ?? "https://github.com/login/oauth/authorize",
        settings.TokenUrl ?? "https://github.com/login/oauth/access_token",
        settings.UserInfoUrl ?? "https://api.github.com/user",
        Configuration: null);

    public async Task<ProviderIdentity?> IdentityAsync(ConfiguredProvider provider, string userUrl, string issuer, ProviderTokenSet tokens, CancellationToken cancellationToken)
    {
        if (await userInfo.GetJsonAsync(provider, userUrl, tokens.AccessToken!, cancellationToken) is not { } user
            || !ProviderJson.Member(user, "id", out var id) || id.ValueKind != JsonValueKind.Number)
        {
            return null;
        }

        var (email, verified) = await PrimaryEmailAsync(provider, userUrl, tokens.AccessToken!, cancellationToken);
        return new ProviderIdentity(issuer, id.GetRawText(), email, verified,
            ProviderJson.String(user, "name") ?? ProviderJson.String(user, "login"), ProviderJson.String(user, "avatar_url"), tokens);
    }

    private async Task<(string? Email, bool Verified)> PrimaryEmailAsync(ConfiguredProvider provider, string userUrl, string accessToken, CancellationToken cancellationToken)
    {
        var emails = await userInfo.GetJsonAsync(provider, userUrl.TrimEnd('/') + "/emails", accessToken, cancellationToken);
        if (emails is not { ValueKind: JsonValueKind.Array } list)
        {
            return (null, false);
        }

        foreach (var entry in list.EnumerateArray())
        {
            if (entry.ValueKind == JsonValueKind.Object && ProviderJson.Bool(entry, "primary"))
            {
                return (ProviderJson.String(entry, "email"), ProviderJson.Bool(entry, "verified"));
            }
        }

        return (null, false);
    }
}
