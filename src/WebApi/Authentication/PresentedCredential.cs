using AuthPlatform.Application.Common.Security;
using AuthPlatform.Domain.Sessions;

namespace AuthPlatform.WebApi.Authentication;

/// <summary>What the request presented: a well-formed session token, or why it did not.</summary>
public readonly record struct PresentedCredential(SessionToken? Token, CredentialRejection? Rejection, string Source, string? Detail = null)
{
    public const string CookieSource = "cookie";
    public const string BearerSource = "bearer";
    public const string NoneSource = "none";
    public const string ApiKeySource = "api-key";

    public bool IsPresent => Rejection != CredentialRejection.NoCredential;

    public bool IsCookie => Source == CookieSource;

    /// <summary>Signed under a previous secret of AUTH_SECRETS: answer a live session with a re-signed cookie.</summary>
    public bool SignedWithPreviousSecret { get; init; }

    /// <summary>A cookie under BetterAuth's old name (Auth:Cookies:AcceptBetterAuthCookie): re-issue it under the current name.</summary>
    public bool UnderOldName { get; init; }
}
