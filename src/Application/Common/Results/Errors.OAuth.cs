namespace AuthPlatform.Application.Common.Results;

/// <summary>The OAuth server's own routes that answer problem+json (consent); the protocol routes answer OAuth's errors.</summary>
public static partial class Errors
{
    public static readonly Error InvalidConsentCode =
        new(ErrorKind.Validation, "INVALID_CONSENT_CODE", "The consent code is invalid, expired or not this user's");

    public static readonly Error ConsentCodeAlreadyUsed =
        new(ErrorKind.Validation, "CONSENT_CODE_ALREADY_USED", "The consent code was already answered");

    public static readonly Error ConsentScopeNotAllowed =
        new(ErrorKind.Validation, "CONSENT_SCOPE_NOT_ALLOWED", "The client may not be granted that scope");

    public static readonly Error OAuthClientNotFound =
        new(ErrorKind.NotFound, "CLIENT_NOT_FOUND", "No OAuth client has that client_id");

    /// <summary>Dynamic client registration (RFC 7591): the controller answers these as invalid_redirect_uri and invalid_client_metadata.</summary>
    public static readonly Error InvalidRedirectUri =
        new(ErrorKind.Validation, "INVALID_REDIRECT_URI", "A redirect URI is missing or not acceptable");

    public static readonly Error InvalidClientMetadata =
        new(ErrorKind.Validation, "INVALID_CLIENT_METADATA", "The client metadata is not acceptable");

    /// <summary>Dynamic client registration without the operator's initial access token (RFC 7591 §3).</summary>
    public static readonly Error InvalidInitialAccessToken =
        new(ErrorKind.Unauthorized, "INVALID_INITIAL_ACCESS_TOKEN", "Client registration needs the initial access token");

    public static readonly Error OAuthConsentNotFound =
        new(ErrorKind.NotFound, "CONSENT_NOT_FOUND", "No consent of this user has that id");
}
