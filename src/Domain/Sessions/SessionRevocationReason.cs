namespace AuthPlatform.Domain.Sessions;

/// <summary>Why a session was ended; stored with the row so a 401 can be explained later.</summary>
public enum SessionRevocationReason
{
    SignedOut,
    RevokedByUser,
    PasswordChanged,
    UserDisabled,
    RevokedByOperator,

    /// <summary>The account's address was proven for the first time; sessions begun before that are not trusted.</summary>
    AddressProven,

    /// <summary>The administrator stopped impersonating the user and went back to their own session.</summary>
    ImpersonationEnded,
}
