using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AuthPlatform.Infrastructure.Social;

/// <summary>
/// The ID-token stage. <see cref="JsonWebTokenHandler"/> checks the signature against the provider's keys
/// (read again once when the token names an unknown key), the algorithm (RS/PS/ES families), the discovered
/// issuer (<see cref="EntraIssuer"/> for Entra's template), the client id among the audiences, and the
/// expiry with a 2-minute skew. Then, here: the nonce (constant time); the authorized party (OpenID Connect
/// Core 3.1.3.7: an <c>azp</c> must be our client id, and a token for several audiences must carry one);
/// and, when the authorization response named its issuer, that the token is from the same issuer.
/// </summary>
internal sealed class IdTokenValidator(ILogger logger)
{
    private readonly JsonWebTokenHandler _tokens = new() { MapInboundClaims = false };

    /// <summary>The person the ID token names, with <paramref name="tokens"/>; null when the token is refused.</summary>
    public async Task<ProviderIdentity?> ValidateAsync(
        ConfiguredProvider provider, OpenIdConnectConfiguration configuration, ProviderTokenSet tokens, string nonce, string? responseIssuer)
    {
        var idToken = tokens.IdToken!;
        var parameters = new TokenValidationParameters
        {
            ValidAudience = provider.Settings.ClientId,
            ValidIssuer = configuration.Issuer,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            ValidAlgorithms = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384", "ES512"],
        };
        if (EntraIssuer.IsTemplate(configuration.Issuer))
        {
            parameters.IssuerValidator = EntraIssuer.Validator(configuration.Issuer);
        }

        var result = await _tokens.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // The provider may have rotated its keys: read them again (rate-limited by RefreshInterval) and retry once.
            provider.Configuration!.RequestRefresh();
            var refreshed = await provider.Configuration.GetConfigurationAsync(CancellationToken.None);
            parameters.IssuerSigningKeys = refreshed.SigningKeys;
            result = await _tokens.ValidateTokenAsync(idToken, parameters);
        }

        if (!result.IsValid)
        {
            return Refused(provider, result.Exception?.GetType().Name ?? "invalid");
        }

        var jwt = (JsonWebToken)result.SecurityToken;
        if (!jwt.TryGetPayloadValue<string>("nonce", out var presented)
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(nonce)))
        {
            return Refused(provider, "nonce mismatch");
        }

        if (responseIssuer is not null && jwt.Issuer != responseIssuer)
        {
            return Refused(provider, "issuer differs from the authorization response's");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(jwt.EncodedPayload));
        var claims = payload.RootElement;
        if (AuthorizedPartyRefusal(claims, provider.Settings.ClientId!) is { } reason)
        {
            return Refused(provider, reason);
        }

        return ProviderJson.String(claims, "sub") is not { } subject
            ? null
            : new ProviderIdentity(jwt.Issuer, subject, ProviderJson.String(claims, "email"), ProviderJson.Bool(claims, "email_verified"),
                ProviderJson.String(claims, "name"), ProviderJson.String(claims, "picture"), tokens);
    }

    /// <summary>OpenID Connect Core 3.1.3.7 steps 4 and 5; null when the token is for us.</summary>
    private static string? AuthorizedPartyRefusal(JsonElement claims, string clientId)
    {
        var audiences = ProviderJson.Member(claims, "aud", out var aud) && aud.ValueKind == JsonValueKind.Array ? aud.GetArrayLength() : 1;
        if (!ProviderJson.Member(claims, "azp", out var azp))
        {
            return audiences > 1 ? "several audiences and no azp" : null;
        }

        return azp.ValueKind == JsonValueKind.String && azp.GetString() == clientId ? null : "azp names another client";
    }

    private ProviderIdentity? Refused(ConfiguredProvider provider, string reason)
    {
        ProviderLog.IdTokenRejected(logger, provider.Id, reason);
        return null;
    }
}
