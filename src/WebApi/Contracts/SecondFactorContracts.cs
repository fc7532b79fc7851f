using System.Text.Json;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.WebApi.Authentication;

namespace AuthPlatform.WebApi.Contracts;

// Bodies of the two-factor and passkey routes, in BetterAuth's shapes. Requests are classes with
// nullable members (missing fields reach the validators); none prints its secrets.

public sealed class TwoFactorPasswordRequest : IPasswordProof
{
    public string? Password { get; init; }

    public string? Issuer { get; init; }

    public string? Method { get; init; }
}

public sealed class TwoFactorCodeRequest
{
    public string? Code { get; init; }

    public bool? TrustDevice { get; init; }

    public bool? DisableSession { get; init; }
}

public sealed class PasskeyRegistrationRequest
{
    public JsonElement? Response { get; init; }

    public string? Name { get; init; }
}

public sealed class PasskeyAuthenticationRequest
{
    public JsonElement? Response { get; init; }
}

public sealed class PasskeyIdRequest
{
    public string? Id { get; init; }

    public string? Name { get; init; }
}

/// <summary>POST /sign-in/email for a user with a second factor: no session yet.</summary>
public sealed record TwoFactorRedirectResponse(bool TwoFactorRedirect, IReadOnlyList<string> TwoFactorMethods);

/// <summary>POST /two-factor/enable.</summary>
public sealed record TwoFactorEnableResponse(string Method, string TotpURI, IReadOnlyList<string> BackupCodes);

/// <summary>POST /two-factor/get-totp-uri.</summary>
public sealed record TotpUriResponse(string TotpURI);

/// <summary>POST /two-factor/verify-totp and verify-backup-code.</summary>
public sealed record TwoFactorVerifiedResponse(string? Token, UserDto User);

/// <summary>POST /two-factor/generate-backup-codes.</summary>
public sealed record BackupCodesResponse(bool Status, IReadOnlyList<string> BackupCodes);

/// <summary>POST /passkey/update-passkey.</summary>
public sealed record PasskeyResponse(PasskeyDto Passkey);

/// <summary>POST /passkey/verify-authentication.</summary>
public sealed record PasskeySignInResponse(PasskeySessionDto Session, UserDto User);

/// <summary>The session BetterAuth answers after a passkey sign-in, with its token (it was just created).</summary>
public sealed record PasskeySessionDto(string Id, string Token, string UserId, DateTimeOffset ExpiresAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? IpAddress, string? UserAgent);
