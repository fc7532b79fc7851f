namespace AuthPlatform.Application.Common.Results;

/// <summary>Sign-in with an identity provider and the account routes, with BetterAuth's codes.</summary>
public static partial class Errors
{
    public static readonly Error ProviderNotFound = new(ErrorKind.NotFound, "PROVIDER_NOT_FOUND", "Provider not found");

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

    /// <summary>
    /// The failures of the provider's callback. They are never JSON answers but a redirect to the error
    /// callback with ?error=&lt;code&gt;, in BetterAuth's lower-case codes. The kind only matters while one
    /// travels as a failed result from the identity provider port to the callback's handler.
    /// </summary>
    public static class ProviderCallback
    {
        public static readonly Error StateNotFound = Callback("state_not_found");
        public static readonly Error StateMismatch = Callback("state_mismatch");
        public static readonly Error NoCode = Callback("no_code");

        /// <summary>The authorization response's iss (RFC 9207) is not the provider's issuer: a mix-up.</summary>
        public static readonly Error IssuerMismatch = Callback("issuer_mismatch");

        /// <summary>The provider announces iss in authorization responses, and this one has none.</summary>
        public static readonly Error IssuerMissing = Callback("issuer_missing");
        public static readonly Error InvalidCode = Callback("invalid_code");
        public static readonly Error UnableToGetUserInfo = Callback("unable_to_get_user_info");
        public static readonly Error EmailNotFound = Callback("email_not_found");
        public static readonly Error AccountNotLinked = Callback("account_not_linked");
        public static readonly Error UnableToLinkAccount = Callback("unable_to_link_account");
        public static readonly Error EmailDoesNotMatch = Callback("email_does_not_match");
        public static readonly Error AccountAlreadyLinkedToDifferentUser = Callback("account_already_linked_to_different_user");
        public static readonly Error UnableToCreateUser = Callback("unable_to_create_user");
        public static readonly Error UnableToCreateSession = Callback("unable_to_create_session");

        /// <summary>The sign-in policy or the linking rule needs a verified address, and the user's is not.</summary>
        public static readonly Error EmailNotVerified = Callback("email_not_verified");

        /// <summary>The sign-in policy refused a disabled user.</summary>
        public static readonly Error BannedUser = Callback("banned_user");
        public static readonly Error OAuthProviderNotFound = Callback("oauth_provider_not_found");
        public static readonly Error InvalidCallbackRequest = Callback("invalid_callback_request");

        private static Error Callback(string code) => new(ErrorKind.Validation, code, code.Replace('_', ' '));
    }
}
