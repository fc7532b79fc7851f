namespace AuthPlatform.Application.Common.Results;

/// <summary>The HTTP layer's own answers, token issuance and key management, and the operator commands.</summary>
public static partial class Errors
{
    public static readonly Error MissingOrNullOrigin = new(ErrorKind.Forbidden, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");

    public static readonly Error InvalidOrigin = new(ErrorKind.Forbidden, "INVALID_ORIGIN", "Invalid origin");

    public static readonly Error CrossSiteNavigationLoginBlocked = new(ErrorKind.Forbidden, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED",
        "Cross-site navigation login blocked. This request appears to be a CSRF attack.");

    public static readonly Error ServiceUnavailable = new(ErrorKind.Unavailable, "SERVICE_UNAVAILABLE",
        "The service cannot answer right now; retry shortly.") { RetryAfterSeconds = 5 };

    /// <summary>The password hashing pool is full: retry in a second.</summary>
    public static Error PasswordHashingBusy { get; } =
        ServiceUnavailable.WithMessage("The service is busy checking passwords. Retry in a moment.").WithRetryAfter(TimeSpan.FromSeconds(1));

    /// <summary>PostgreSQL does not answer.</summary>
    public static Error StoreUnavailable { get; } =
        ServiceUnavailable.WithMessage("The service cannot reach its database right now. Your session is intact; retry shortly.");

    public static readonly Error PayloadTooLarge = new(ErrorKind.PayloadTooLarge, "PAYLOAD_TOO_LARGE", "The request body is too large.");

    public static readonly Error BadRequest = new(ErrorKind.Validation, "BAD_REQUEST", "The request could not be read.");

    public static readonly Error InternalServerError = new(ErrorKind.Unexpected, "INTERNAL_SERVER_ERROR",
        "An unexpected error occurred. It has been logged under this response's X-Request-Id.");

    public static readonly Error UnsupportedMediaType = new(ErrorKind.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE",
        "This Content-Type is not allowed; send application/json.");

    public static Error UnsupportedContentType(string contentType) =>
        UnsupportedMediaType.WithMessage($"Content-Type \"{contentType}\" is not allowed; send application/json.");

    /// <summary>No active signing key in this instance (not loaded yet, or undecryptable): transient, so 503.</summary>
    public static readonly Error SigningKeyUnavailable =
        new(ErrorKind.Unavailable, "SIGNING_KEY_UNAVAILABLE", "No signing key is available right now; retry shortly.") { RetryAfterSeconds = 5 };

    /// <summary>rotate-keys --revoke named a key id the database does not hold.</summary>
    public static readonly Error SigningKeyNotFound =
        new(ErrorKind.NotFound, "SIGNING_KEY_NOT_FOUND", "No signing key has this id (the JWKS lists the ids: \"kid\").");

    public static readonly Error PasswordOnCommandLine = new(ErrorKind.Validation, "PASSWORD_ON_COMMAND_LINE",
        $"--from must not contain the password: a command line is visible to other users of this machine and kept in shell history. Remove it from --from and set {Operators.ImportBetterAuth.ImportBetterAuthErrors.PasswordVariable}, or pass --password-stdin and type it on standard input.");

    public static readonly Error SchemaBehind = new(ErrorKind.Unavailable, "SCHEMA_BEHIND",
        "This service's database schema is behind: run the `migrate` command first.");

    public static Error SchemaBehindBy(int pending) =>
        SchemaBehind.WithMessage($"This service's database schema is behind ({pending} migration(s) pending): run the `migrate` command first.");

    public static readonly Error BetterAuthSource = new(ErrorKind.Unprocessable, "BETTER_AUTH_SOURCE", "The BetterAuth database cannot be read.");
}
