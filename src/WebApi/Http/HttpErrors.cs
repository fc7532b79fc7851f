using AuthPlatform.Application.Common.Results;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// The errors the HTTP layer answers by itself, before or around a use case, named as existing code knows
/// them. Each is an entry of the catalogue (<see cref="Errors"/>), which holds every code a client can meet;
/// every one becomes problem+json through <see cref="ProblemWriter"/>, whose status is the error's <see cref="ErrorKind"/>.
/// </summary>
public static class HttpErrors
{
    public static readonly Error MissingOrNullOrigin = Errors.MissingOrNullOrigin;

    public static readonly Error InvalidOrigin = Errors.InvalidOrigin;

    public static readonly Error CrossSiteNavigationLoginBlocked = Errors.CrossSiteNavigationLoginBlocked;

    public static readonly Error PasswordHashingBusy = Errors.PasswordHashingBusy;

    public static readonly Error StoreUnavailable = Errors.StoreUnavailable;

    public static readonly Error BodyTooLarge = Errors.PayloadTooLarge.WithMessage($"The request body is larger than {RequestBodyPolicy.MaxBodyBytes} bytes.");

    public static readonly Error BadRequest = Errors.BadRequest;

    public static readonly Error Unexpected = Errors.InternalServerError;

    public static Error TooManyRequests(int retryAfterSeconds) => Errors.TooManyRequests with { RetryAfterSeconds = retryAfterSeconds };

    public static Error UnsupportedMediaType(string contentType) => Errors.UnsupportedContentType(contentType);

    /// <inheritdoc cref="Errors.InvalidSessionToken"/>
    public static Error InvalidToken(string? detail) => Errors.InvalidSessionToken(detail);
}
