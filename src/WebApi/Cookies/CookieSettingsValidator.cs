using AuthPlatform.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Refuses cookie settings a browser would silently drop: SameSite=None or Partitioned without Secure,
/// a Secure cookie on a plain-http public URL, a cross-site mode that is not SameSite=None.
/// </summary>
public sealed class CookieSettingsValidator(IConfiguration configuration) : IValidateOptions<CookieSettings>
{
    public ValidateOptionsResult Validate(string? name, CookieSettings settings)
    {
        // Read the base URL without triggering AuthOptions validation (it reports its own problems).
        var auth = configuration.GetSection(AuthOptions.SectionName).Get<AuthOptions>() ?? new AuthOptions();
        var problems = new List<string>();

        var sameSite = SessionCookiePolicy.Normalize(settings.SameSite);
        if (sameSite is not (null or "Lax" or "Strict" or "None"))
        {
            problems.Add($"AUTH_COOKIE_SAMESITE '{settings.SameSite}' must be Lax, Strict or None.");
        }

        if (settings.Mode == CookieMode.CrossSite && sameSite is "Lax" or "Strict")
        {
            problems.Add($"AUTH_COOKIE_MODE=CrossSite needs SameSite=None, but AUTH_COOKIE_SAMESITE is {sameSite}: browsers do not send {sameSite} cookies on cross-site requests.");
        }

        if (string.IsNullOrWhiteSpace(settings.Prefix) || settings.Prefix.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            problems.Add($"AUTH_COOKIE_PREFIX '{settings.Prefix}' may contain only letters, digits, '-', '_' and '.'.");
        }

        var policy = SessionCookiePolicy.Resolve(settings, auth);
        if (policy.SameSite == "None" && !policy.Secure)
        {
            problems.Add("Cookies with SameSite=None must be Secure: set AUTH_COOKIE_SECURE=true (and serve over https), or use SameSite=Lax.");
        }

        if (policy.Partitioned && !policy.Secure)
        {
            problems.Add("Partitioned cookies must be Secure: set AUTH_COOKIE_SECURE=true (and serve over https), or AUTH_COOKIE_PARTITIONED=false.");
        }

        if (policy.Secure && Uri.TryCreate(auth.BaseUrl, UriKind.Absolute, out var baseUri)
            && baseUri.Scheme == Uri.UriSchemeHttp && !baseUri.IsLoopback)
        {
            problems.Add($"AUTH_BASE_URL {auth.BaseUrl} is plain http, but cookies are Secure: browsers would drop them. Serve over https or set AUTH_COOKIE_SECURE=false.");
        }

        if (settings.AcceptBetterAuthCookie && policy.BetterAuthSessionTokenName is null)
        {
            problems.Add($"AUTH_COOKIE_ACCEPT_BETTER_AUTH is on, but the session cookie already has BetterAuth's name ({policy.SessionTokenName}): there is no old name to accept. Remove the setting.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
