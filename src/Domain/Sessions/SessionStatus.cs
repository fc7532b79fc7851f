namespace AuthPlatform.Domain.Sessions;

/// <summary>Where a session stands at a given instant. Only <see cref="Live"/> authenticates anyone.</summary>
public enum SessionStatus
{
    Live,

    /// <summary>Not used within its sliding window.</summary>
    Expired,

    /// <summary>Older than the absolute lifetime, however recently it was used.</summary>
    LifetimeExceeded,

    /// <summary>Ended on purpose: sign-out, revocation, password change, user disabled.</summary>
    Revoked,
}
