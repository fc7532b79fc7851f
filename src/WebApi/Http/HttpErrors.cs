using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// The errors the HTTP layer answers by itself, before or around a use case. With the use cases' errors
/// (Application/Common/Results: <see cref="Errors"/>, <see cref="SecurityErrors"/>, <see cref="SigningKeyErrors"/>)
/// they are the whole list of codes a client can meet; every one becomes problem+json through
/// <see cref="ProblemWriter"/>, whose status is the error's <see cref="ErrorKind"/>.
/// </summary>
public static class HttpErrors
{
    public static readonly Error MissingOrNullOrigin = new(ErrorKind.Forbidden, "MISSING_OR_NULL_ORIGIN", "Missing or null Origin");

    public static readonly Error InvalidOrigin = new(ErrorKind.Forbidden, "INVALID_ORIGIN", "Invalid origin");

    public static readonly Error CrossSiteNavigationLoginBlocked = new(ErrorKind.Forbidden, "CROSS_SITE_NAVIGATION_LOGIN_BLOCKED",
        "Cross-site navigation login blocked. This request appears to be a CSRF attack.");

    public static readonly Error PasswordHashingBusy = new(ErrorKind.Unavailable, "SERVICE_UNAVAILABLE",
        "The service is busy checking passwords. Retry in a moment.") { RetryAfterSeconds = 1 };

    public static readonly Error StoreUnavailable = new(ErrorKind.Unavailable, "SERVICE_UNAVAILABLE",
        "The service cannot reach its database right now. Your session is intact; retry shortly.") { RetryAfterSeconds = 5 };

    public static readonly Error BodyTooLarge = new(ErrorKind.PayloadTooLarge, "PAYLOAD_TOO_LARGE", $"The request body is larger than {RequestBodyPolicy.MaxBodyBytes} bytes.");

    public static readonly Error BadRequest = new(ErrorKind.Validation, "BAD_REQUEST", "The request could not be read.");

    public static readonly Error Unexpected = new(ErrorKind.Unexpected, "INTERNAL_SERVER_ERROR",
        "An unexpected error occurred. It has been logged under this response's X-Request-Id.");

    public static Error TooManyRequests(int retryAfterSeconds) =>
        new(ErrorKind.TooManyRequests, "TOO_MANY_REQUESTS", "Too many requests. Please try again later.") { RetryAfterSeconds = retryAfterSeconds };

    public static Error UnsupportedMediaType(string contentType) =>
        new(ErrorKind.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE", $"Content-Type \"{contentType}\" is not allowed; send application/json.");

    /// <summary>get-session's answer to a credential that is not a token of ours, saying what is wrong with it.</summary>
    public static Error InvalidToken(string? detail) => new(ErrorKind.Unauthorized, "INVALID_TOKEN", detail ?? "The session token is malformed.");
}
