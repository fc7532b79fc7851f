namespace AuthPlatform.Application.Common.Results;

/// <summary>
/// Names the social sign-in entries of the catalogue, <see cref="Errors"/>, under which existing code knows
/// them. The callback's failures are redirects with ?error=&lt;code&gt;, so they are named by their codes.
/// </summary>
public static class SocialErrors
{
    public static readonly Error ProviderNotFound = Errors.ProviderNotFound;
    public static readonly Error InvalidCallbackUrl = Errors.InvalidCallbackUrl;
    public static readonly Error InvalidErrorCallbackUrl = Errors.InvalidErrorCallbackUrl;
    public static readonly Error InvalidNewUserCallbackUrl = Errors.InvalidNewUserCallbackUrl;
    public static readonly Error IdTokenNotSupported = Errors.IdTokenNotSupported;
    public static readonly Error ProviderUnavailable = Errors.ProviderUnavailable;
    public static readonly Error FailedToUnlinkLastAccount = Errors.FailedToUnlinkLastAccount;
    public static readonly Error AccountNotFound = Errors.AccountNotFound;
    public static readonly Error FailedToGetAccessToken = Errors.FailedToGetAccessToken;
    public static readonly Error RefreshTokenNotFound = Errors.RefreshTokenNotFound;
    public static readonly Error FailedToRefreshAccessToken = Errors.FailedToRefreshAccessToken;
    public static readonly Error ProviderNotSupported = Errors.ProviderNotSupported;

    /// <summary>The catalogue's entry for this code; a code outside the catalogue is an invalid callback request.</summary>
    public static Error Callback(string code) => Errors.Find(code) ?? Errors.ProviderCallback.InvalidCallbackRequest;

    public static readonly string StateNotFound = Errors.ProviderCallback.StateNotFound.Code;
    public static readonly string StateMismatch = Errors.ProviderCallback.StateMismatch.Code;
    public static readonly string NoCode = Errors.ProviderCallback.NoCode.Code;
    public static readonly string IssuerMismatch = Errors.ProviderCallback.IssuerMismatch.Code;
    public static readonly string IssuerMissing = Errors.ProviderCallback.IssuerMissing.Code;
    public static readonly string InvalidCode = Errors.ProviderCallback.InvalidCode.Code;
    public static readonly string UnableToGetUserInfo = Errors.ProviderCallback.UnableToGetUserInfo.Code;
    public static readonly string EmailNotFound = Errors.ProviderCallback.EmailNotFound.Code;
    public static readonly string AccountNotLinked = Errors.ProviderCallback.AccountNotLinked.Code;
    public static readonly string UnableToLinkAccount = Errors.ProviderCallback.UnableToLinkAccount.Code;
    public static readonly string EmailDoesNotMatch = Errors.ProviderCallback.EmailDoesNotMatch.Code;
    public static readonly string AccountAlreadyLinkedToDifferentUser = Errors.ProviderCallback.AccountAlreadyLinkedToDifferentUser.Code;
    public static readonly string UnableToCreateUser = Errors.ProviderCallback.UnableToCreateUser.Code;
    public static readonly string UnableToCreateSession = Errors.ProviderCallback.UnableToCreateSession.Code;
    public static readonly string EmailNotVerified = Errors.ProviderCallback.EmailNotVerified.Code;
    public static readonly string OAuthProviderNotFound = Errors.ProviderCallback.OAuthProviderNotFound.Code;
    public static readonly string InvalidCallbackRequest = Errors.ProviderCallback.InvalidCallbackRequest.Code;
}
