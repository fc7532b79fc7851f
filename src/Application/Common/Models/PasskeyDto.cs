using System.Buffers.Text;
using AuthPlatform.Domain.Passkeys;

namespace AuthPlatform.Application.Common.Models;

/// <summary>
/// A passkey as clients see it (BetterAuth's passkey row): credentialID base64url, publicKey standard
/// base64 of the COSE key.
/// </summary>
public sealed record PasskeyDto(
    string Id,
    string? Name,
    string PublicKey,
    string UserId,
    string CredentialID,
    long Counter,
    string DeviceType,
    bool BackedUp,
    string Transports,
    DateTimeOffset CreatedAt,
    string? Aaguid)
{
    public static PasskeyDto From(Passkey passkey) => new(
        passkey.Id,
        passkey.Name,
        Convert.ToBase64String(passkey.PublicKey),
        passkey.UserId,
        Base64Url.EncodeToString(passkey.CredentialId),
        passkey.Counter,
        passkey.DeviceType,
        passkey.BackedUp,
        passkey.Transports,
        passkey.CreatedAt,
        passkey.Aaguid?.ToString());
}
