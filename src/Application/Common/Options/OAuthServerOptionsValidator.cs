using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>The frontend pages, when set, are absolute http(s) URLs without a fragment (a query is kept).</summary>
public sealed class OAuthServerOptionsValidator : IValidateOptions<OAuthServerOptions>
{
    public ValidateOptionsResult Validate(string? name, OAuthServerOptions options)
    {
        var failures = new[]
        {
            Check(options.LoginPage, "AUTH_OAUTH_LOGIN_PAGE", "https://app.example.com/sign-in"),
            Check(options.ConsentPage, "AUTH_OAUTH_CONSENT_PAGE", "https://app.example.com/consent"),
            Check(options.DevicePage, "AUTH_OAUTH_DEVICE_PAGE", "https://app.example.com/device"),
        }.OfType<string>().ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? Check(string? page, string variable, string example) =>
        string.IsNullOrWhiteSpace(page)
        || (Uri.TryCreate(page.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Fragment.Length == 0)
            ? null
            : $"{variable} '{page}' must be an absolute http(s) URL without a fragment, e.g. {example}.";
}
