using AuthPlatform.Application.Operators.RegisterOAuthClient;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// The frontend pages, when set, are absolute http(s) URLs without a fragment (a query is kept); dynamic registration's
/// grants are known ones and its initial access token is long enough to guess never.
/// </summary>
public sealed class OAuthServerOptionsValidator : IValidateOptions<OAuthServerOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthServerOptions options)
    {
        var failures = new[]
        {
            Check(options.LoginPage, "AUTH_OAUTH_LOGIN_PAGE", "https://app.example.com/sign-in"),
            Check(options.ConsentPage, "AUTH_OAUTH_CONSENT_PAGE", "https://app.example.com/consent"),
            Check(options.DevicePage, "AUTH_OAUTH_DEVICE_PAGE", "https://app.example.com/device"),
            UnknownGrant(options),
            options.ClientRegistrationToken is { Length: > 0 and < 32 }
                ? "AUTH_OAUTH_CLIENT_REGISTRATION_TOKEN must be at least 32 characters (it is the one credential that lets a client register itself)."
                : null,
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? UnknownGrant(OAuthServerOptions options) =>
        options.ClientRegistrationGrantList.FirstOrDefault(g => !RegisterOAuthClientCommand.KnownGrants.Contains(g)) is { } unknown
            ? $"AUTH_OAUTH_CLIENT_REGISTRATION_GRANTS: unknown grant '{unknown}'; allowed: {string.Join(", ", RegisterOAuthClientCommand.KnownGrants)}."
            : null;

    private static string? Check(string? page, string variable, string example) =>
        string.IsNullOrWhiteSpace(page)
        || (Uri.TryCreate(page.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Fragment.Length == 0)
            ? null
            : $"{variable} '{page}' must be an absolute http(s) URL without a fragment, e.g. {example}.";
}
