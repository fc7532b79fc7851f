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
}
