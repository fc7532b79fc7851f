namespace AuthPlatform.Application.Common.Results;

/// <summary>Errors of token issuance and key management.</summary>
public static class SigningKeyErrors
{
    /// <summary>No active signing key in this instance (not loaded yet, or undecryptable): transient, so 503.</summary>
    public static readonly Error Unavailable =
        new(ErrorKind.Unavailable, "SIGNING_KEY_UNAVAILABLE", "No signing key is available right now; retry shortly.") { RetryAfterSeconds = 5 };

    /// <summary>rotate-keys --revoke named a key id the database does not hold.</summary>
    public static readonly Error NotFound =
        new(ErrorKind.NotFound, "SIGNING_KEY_NOT_FOUND", "No signing key has this id (the JWKS lists the ids: \"kid\").");
}
