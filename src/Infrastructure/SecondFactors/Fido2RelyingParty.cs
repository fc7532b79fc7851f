using System.Buffers.Text;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Infrastructure.SecondFactors;

/// <summary>
/// WebAuthn through the Fido2 library for the configured relying party. Attestation is "none" (no
/// authenticator metadata service): a passkey proves possession, not its make. The library checks the
/// challenge, the origin against <see cref="RelyingParty.Origins"/>, the relying-party id hash, the
/// signature and the counter; a failure is an expected outcome, never an exception to the caller.
/// User verification is required at both ceremonies (BetterAuth asks "preferred"): a passkey sign-in
/// stands for both factors, so the authenticator must have verified the user (PIN, biometric), not only
/// seen someone touch it.
/// </summary>
public sealed partial class Fido2RelyingParty : IWebAuthnRelyingParty
{
    private const UserVerificationRequirement RequiredUserVerification = UserVerificationRequirement.Required;

    private readonly Fido2 _fido2;
    private readonly ILogger<Fido2RelyingParty> _logger;

    public Fido2RelyingParty(IOptions<PasskeyOptions> passkeys, IOptions<AuthOptions> auth, ILogger<Fido2RelyingParty> logger)
    {
        var relyingParty = RelyingParty.Resolve(passkeys.Value, auth.Value);
        _fido2 = new Fido2(new Fido2Configuration
        {
            RPID = relyingParty.Id,
            RPName = relyingParty.Name,
            Origins = relyingParty.Origins.ToHashSet(StringComparer.OrdinalIgnoreCase),
            ChallengeSize = 32,
            Timeout = 60000,
        });
        _logger = logger;
    }

    public string CreateRegistrationOptions(WebAuthnUser user, IReadOnlyList<KnownCredential> exclude, string? authenticatorAttachment)
    {
        var options = _fido2.RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = user.Handle, Name = user.Name, DisplayName = user.DisplayName },
            ExcludeCredentials = exclude.Select(Descriptor).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection
            {
                ResidentKey = ResidentKeyRequirement.Preferred,
                UserVerification = RequiredUserVerification,
                AuthenticatorAttachment = authenticatorAttachment switch
                {
                    "platform" => AuthenticatorAttachment.Platform,
                    "cross-platform" => AuthenticatorAttachment.CrossPlatform,
                    _ => null,
                },
            },
            AttestationPreference = AttestationConveyancePreference.None,
            Extensions = new AuthenticationExtensionsClientInputs { CredProps = true },
        });
        return options.ToJson();
    }

    public async Task<Result<NewCredential>> VerifyRegistrationAsync(string optionsJson, string responseJson, CancellationToken cancellationToken)
    {
        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson)
                ?? throw new JsonException("empty registration response");
            var credential = await _fido2.MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = CredentialCreateOptions.FromJson(optionsJson),
                IsCredentialIdUniqueToUserCallback = static (_, _) => Task.FromResult(true), // the unique index decides
            }, cancellationToken);

            var transports = string.Join(',', (credential.Transports ?? []).Select(TransportName));
            return new NewCredential(credential.Id, credential.PublicKey, credential.SignCount, credential.IsBackupEligible, credential.IsBackedUp, transports,
                credential.AaGuid == Guid.Empty ? null : credential.AaGuid);
        }
        catch (Exception ex) when (ex is Fido2VerificationException or JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            Rejected(_logger, "registration", ex.GetType().Name, ex.Message);
            return SecondFactorErrors.RegistrationFailed;
        }
    }

    public string CreateAuthenticationOptions(IReadOnlyList<KnownCredential> allow) =>
        _fido2.GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = allow.Select(Descriptor).ToList(),
            UserVerification = RequiredUserVerification,
        }).ToJson();

    public byte[]? ReadCredentialId(string responseJson)
    {
        try
        {
            using var document = JsonDocument.Parse(responseJson);
            return document.RootElement.TryGetProperty("rawId", out var rawId) && rawId.ValueKind == JsonValueKind.String
                   && Base64Url.IsValid(rawId.GetString()!)
                ? Base64Url.DecodeFromChars(rawId.GetString()!)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async Task<Result<VerifiedAssertion>> VerifyAuthenticationAsync(string optionsJson, string responseJson, byte[] publicKey, long storedCounter,
        CancellationToken cancellationToken)
    {
        try
        {
            var response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson)
                ?? throw new JsonException("empty authentication response");
            // Required whatever the stored options say (a challenge issued under an older setting): the library
            // then refuses an assertion without the UV flag.
            var original = AssertionOptions.FromJson(optionsJson);
            original.UserVerification = RequiredUserVerification;
            var result = await _fido2.MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = original,
                StoredPublicKey = publicKey,
                StoredSignatureCounter = (uint)storedCounter,

                // The user handle is random per registration and not kept (as BetterAuth): the credential id names the user.
                IsUserHandleOwnerOfCredentialIdCallback = static (_, _) => Task.FromResult(true),
            }, cancellationToken);
            return new VerifiedAssertion(result.SignCount, result.IsBackedUp);
        }
        catch (Exception ex) when (ex is Fido2VerificationException or JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            Rejected(_logger, "authentication", ex.GetType().Name, ex.Message);
            return SecondFactorErrors.AuthenticationFailed;
        }
    }

    private static PublicKeyCredentialDescriptor Descriptor(KnownCredential credential) =>
        new(PublicKeyCredentialType.PublicKey, credential.CredentialId, ParseTransports(credential.Transports));

    private static AuthenticatorTransport[]? ParseTransports(string transports)
    {
        var parsed = new List<AuthenticatorTransport>();
        foreach (var name in transports.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            try
            {
                parsed.Add(JsonSerializer.Deserialize<AuthenticatorTransport>($"\"{name}\""));
            }
            catch (JsonException)
            {
                // A transport this library does not know: leave it out, it is only a hint.
            }
        }

        return parsed.Count == 0 ? null : [.. parsed];
    }

    private static string TransportName(AuthenticatorTransport transport) => JsonSerializer.Serialize(transport).Trim('"');

    [LoggerMessage(EventId = 7101, Level = LogLevel.Information, Message = "WebAuthn {Ceremony} refused: {Reason} {Detail}")]
    private static partial void Rejected(ILogger logger, string ceremony, string reason, string detail);
}
