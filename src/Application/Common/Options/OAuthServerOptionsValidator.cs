using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>The login page, when set, is an absolute http(s) URL without a fragment (a query is kept).</summary>
public sealed class OAuthServerOptionsValidator : IValidateOptions<OAuthServerOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthServerOptions options) =>
        string.IsNullOrWhiteSpace(options.LoginPage)
        || (Uri.TryCreate(options.LoginPage.Trim(), UriKind.Absolute, out var page) && page.Scheme is "http" or "https" && page.Fragment.Length == 0)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"AUTH_OAUTH_LOGIN_PAGE '{options.LoginPage}' must be an absolute http(s) URL without a fragment, e.g. https://app.example.com/sign-in.");
}
