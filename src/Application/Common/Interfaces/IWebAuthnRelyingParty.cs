using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.Application.Common.Interfaces;

/// <summary>The user a registration is for: a random WebAuthn user handle, the name and the display name.</summary>
public sealed record WebAuthnUser(byte[] Handle, string Name, string DisplayName);

/// <summary>A credential already known, to exclude from registration or allow at authentication.</summary>
public sealed record KnownCredential(byte[] CredentialId, string Transports);

/// <summary>What a verified registration yields, to be stored as a passkey.</summary>
public sealed record NewCredential(byte[] CredentialId, byte[] PublicKey, long Counter, bool BackupEligible, bool BackedUp, string Transports, Guid? Aaguid);

/// <summary>What a verified assertion yields.</summary>
public sealed record VerifiedAssertion(long Counter, bool BackedUp);

/// <summary>
/// WebAuthn ceremonies for the configured relying party (id, name, origins). Options travel as the JSON the
/// browser's navigator.credentials call takes; responses as the JSON the browser (or SimpleWebAuthn) produced.
/// </summary>
public interface IWebAuthnRelyingParty
{
    string CreateRegistrationOptions(WebAuthnUser user, IReadOnlyList<KnownCredential> exclude, string? authenticatorAttachment);

    Task<Result<NewCredential>> VerifyRegistrationAsync(string optionsJson, string responseJson, CancellationToken cancellationToken);

    string CreateAuthenticationOptions(IReadOnlyList<KnownCredential> allow);

    /// <summary>The credential id an assertion names (its "id"/"rawId"), or null when the JSON is not an assertion.</summary>
    byte[]? ReadCredentialId(string responseJson);

    /// <summary>Checks challenge, origin, relying party, signature and counter against the stored public key.</summary>
    Task<Result<VerifiedAssertion>> VerifyAuthenticationAsync(string optionsJson, string responseJson, byte[] publicKey, long storedCounter, CancellationToken cancellationToken);
}
