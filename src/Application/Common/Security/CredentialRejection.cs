namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// Why a presented credential did not authenticate anyone. Every rejection is logged with one of these
/// codes (property RejectionReason), so any 401 or null session can be explained with one log query.
/// </summary>
public enum CredentialRejection
{
    /// <summary>No cookie and no bearer header.</summary>
    NoCredential,

    /// <summary>Not shaped like a session token (garbage, wrong length, wrong alphabet).</summary>
    BadFormat,

    /// <summary>Cookie signature does not verify with any configured secret.</summary>
    BadSignature,

    /// <summary>Well-formed, but no session has this token (never issued, or deleted).</summary>
    UnknownToken,

    /// <summary>Not used within its sliding window.</summary>
    Expired,

    /// <summary>Past the absolute lifetime cap.</summary>
    LifetimeExceeded,

    /// <summary>Signed out or revoked.</summary>
    Revoked,

    /// <summary>The session's user no longer exists.</summary>
    UserGone,

    /// <summary>The session's user is disabled.</summary>
    UserDisabled,

    /// <summary>An API key that is not one of ours (unknown, too short).</summary>
    ApiKeyInvalid,

    /// <summary>An API key its owner disabled.</summary>
    ApiKeyDisabled,

    /// <summary>An API key past its expiry.</summary>
    ApiKeyExpired,

    /// <summary>An API key with no uses left, or over its rate limit.</summary>
    ApiKeySpent,
}

public static class CredentialRejectionCodes
{
    /// <summary>The stable snake_case code written to logs.</summary>
    public static string ToCode(this CredentialRejection rejection) => rejection switch
    {
        CredentialRejection.NoCredential => "no_credential",
        CredentialRejection.BadFormat => "bad_format",
        CredentialRejection.BadSignature => "bad_signature",
        CredentialRejection.UnknownToken => "unknown_token",
        CredentialRejection.Expired => "expired",
        CredentialRejection.LifetimeExceeded => "lifetime_exceeded",
        CredentialRejection.Revoked => "revoked",
        CredentialRejection.UserGone => "user_gone",
        CredentialRejection.UserDisabled => "user_disabled",
        CredentialRejection.ApiKeyInvalid => "api_key_invalid",
        CredentialRejection.ApiKeyDisabled => "api_key_disabled",
        CredentialRejection.ApiKeyExpired => "api_key_expired",
        CredentialRejection.ApiKeySpent => "api_key_spent",
        _ => "unknown",
    };
}
