namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// Errors of sign-in with an identity provider and of the account routes, with BetterAuth's codes. The
/// callback's failures are not JSON answers but a redirect to the error callback with ?error=&lt;code&gt;
/// (lower-case codes, <see cref="Callback"/>).
/// </summary>
public static class SocialErrors
{
    public static readonly Error ProviderNotFound = new(ErrorKind.NotFound, "PROVIDER_NOT_FOUND", "Provider not found");

    public static readonly Error InvalidCallbackUrl = new(ErrorKind.Forbidden, "INVALID_CALLBACK_URL", "Invalid callbackURL");

    public static readonly Error InvalidErrorCallbackUrl = new(ErrorKind.Forbidden, "INVALID_ERROR_CALLBACK_URL", "Invalid errorCallbackURL");

    public static readonly Error InvalidNewUserCallbackUrl = new(ErrorKind.Forbidden, "INVALID_NEW_USER_CALLBACK_URL", "Invalid newUserCallbackURL");

    public static readonly Error IdTokenNotSupported = new(ErrorKind.NotFound, "ID_TOKEN_NOT_SUPPORTED", "Signing in with an ID token is not supported; use the redirect flow");

    public static readonly Error ProviderUnavailable = new(ErrorKind.Unavailable, "PROVIDER_UNAVAILABLE", "The identity provider cannot be reached right now") { RetryAfterSeconds = 5 };

    public static readonly Error FailedToUnlinkLastAccount = new(ErrorKind.Validation, "FAILED_TO_UNLINK_LAST_ACCOUNT", "You cannot unlink your last account");

    public static readonly Error AccountNotFound = new(ErrorKind.Validation, "ACCOUNT_NOT_FOUND", "Account not found");

    public static readonly Error FailedToGetAccessToken = new(ErrorKind.Validation, "FAILED_TO_GET_ACCESS_TOKEN", "Failed to get a valid access token");

    public static readonly Error RefreshTokenNotFound = new(ErrorKind.Validation, "REFRESH_TOKEN_NOT_FOUND", "Refresh token not found");

    public static readonly Error FailedToRefreshAccessToken = new(ErrorKind.Validation, "FAILED_TO_REFRESH_ACCESS_TOKEN", "Failed to refresh access token");

    public static readonly Error ProviderNotSupported = new(ErrorKind.Validation, "PROVIDER_NOT_SUPPORTED", "Provider not supported");

    /// <summary>A failure that ends at the error callback as ?error=<paramref name="code"/>.</summary>
    public static Error Callback(string code) => new(ErrorKind.Validation, code, code.Replace('_', ' '));

    public const string StateNotFound = "state_not_found";
    public const string StateMismatch = "state_mismatch";
    public const string NoCode = "no_code";
    public const string InvalidCode = "invalid_code";
    public const string UnableToGetUserInfo = "unable_to_get_user_info";
    public const string EmailNotFound = "email_not_found";
    public const string AccountNotLinked = "account_not_linked";
    public const string UnableToLinkAccount = "unable_to_link_account";
    public const string EmailDoesNotMatch = "email_does_not_match";
    public const string AccountAlreadyLinkedToDifferentUser = "account_already_linked_to_different_user";
    public const string UnableToCreateUser = "unable_to_create_user";
    public const string UnableToCreateSession = "unable_to_create_session";
    public const string EmailNotVerified = "email_not_verified";
    public const string OAuthProviderNotFound = "oauth_provider_not_found";
    public const string InvalidCallbackRequest = "invalid_callback_request";
}
