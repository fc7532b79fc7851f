using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Security;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.OAuthConsents;

/// <summary>
/// The consent code the authorization endpoint hands the consent page: the authorization request waiting for the
/// user's answer (whose, which client, which scopes, and the request itself to resume), signed with a key derived
/// from the current secret and valid for <see cref="Lifetime"/>. It holds nothing the browser did not already carry
/// in the authorization URL, so it is signed, not encrypted, and nothing is stored until the user answers.
/// </summary>
public sealed class OAuthConsentCode(IOptions<AuthOptions> auth, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public string Issue(PendingOAuthConsent pending)
    {
        // A random id makes every code unique, so answering one (single use) never uses up another for the same request.
        var payload = JsonSerializer.SerializeToUtf8Bytes(pending with
        {
            ExpiresAt = clock.GetUtcNow().Add(Lifetime).ToUnixTimeSeconds(),
            Id = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16)),
        });
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Sign(payload));
    }

    /// <summary>The pending request, or null when the code is malformed, forged, expired, or another user's.</summary>
    public PendingOAuthConsent? Read(string? code, string userId)
    {
        var dot = code?.IndexOf('.', StringComparison.Ordinal) ?? -1;
        if (dot <= 0 || code!.Length > 8192)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(code.AsSpan(0, dot));
            var signature = Base64Url.DecodeFromChars(code.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(Sign(payload), signature))
            {
                return null;
            }

            var pending = JsonSerializer.Deserialize<PendingOAuthConsent>(payload);
            return pending is not null && pending.UserId == userId && pending.ExpiresAt > clock.GetUtcNow().ToUnixTimeSeconds() ? pending : null;
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(SecretKeys.OAuthConsentCode(auth.Value.SecretRing[0]), payload);
}

/// <summary>
/// An authorization request waiting for consent. <paramref name="AuthorizationUrl"/> is the request itself (on the
/// configured origin), already checked by the authorization endpoint (client, redirect URI, PKCE, scopes). <paramref name="Id"/>
/// is random, per code: an answered code is remembered by its digest until it expires (single use).
/// </summary>
public sealed record PendingOAuthConsent(
    string UserId,
    string ClientId,
    IReadOnlyList<string> Scopes,
    string AuthorizationUrl,
    long ExpiresAt = 0,
    string Id = "");
