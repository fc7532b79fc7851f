namespace AuthPlatform.Domain.Sessions;

/// <summary>Why a session was ended; stored with the row so a 401 can be explained later.</summary>
public enum SessionRevocationReason
{
    SignedOut,
    RevokedByUser,
    PasswordChanged,
    UserDisabled,
    RevokedByOperator,
}
