namespace AuthPlatform.Application.Common.Results;

/// <summary>The class of an expected failure; the HTTP layer maps each to one status code.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Unprocessable,
    TooManyRequests,
    Unavailable,

    /// <summary>The request itself cannot be taken (413): only the HTTP layer raises it.</summary>
    PayloadTooLarge,

    /// <summary>The request's media type is not accepted (415): only the HTTP layer raises it.</summary>
    UnsupportedMediaType,

    /// <summary>A fault, not an expected outcome (500): only the last-resort exception handler raises it.</summary>
    Unexpected,
}
