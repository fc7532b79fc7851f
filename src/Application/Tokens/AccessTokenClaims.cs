namespace AuthPlatform.Application.Tokens;

/// <summary>
/// The claims of an access token (the spec's set): iss, aud (always an array), sub, iat, nbf, exp, jti,
/// sid, email, email_verified, name; and, when the session has an active organization the user belongs to,
/// <see cref="OrganizationClaims"/> (docs/adr/0133). Times are Unix seconds. <see cref="Actor"/>: the administrator
/// behind an impersonation session, written as RFC 8693's actor claim <c>act: {"sub": ...}</c>.
/// </summary>
public readonly record struct AccessTokenClaims(
    string Issuer,
    IReadOnlyList<string> Audience,
    string Subject,
    long IssuedAt,
    long NotBefore,
    long ExpiresAt,
    string TokenId,
    string SessionId,
    string Email,
    bool EmailVerified,
    string Name,
    string? Actor = null,
    string? OrganizationId = null,
    IReadOnlyList<string>? OrganizationRoles = null);
