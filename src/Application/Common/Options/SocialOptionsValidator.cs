using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Checks every configured identity provider at start-up and lists every problem at once: an id the
/// routes can carry, a client id and secret, a way to find the endpoints (discovery, or all three URLs),
/// absolute https URLs, and trusted providers that exist.
/// </summary>
public sealed partial class SocialOptionsValidator : IValidateOptions<SocialOptions>
{
    public ValidateOptionsResult Validate(string? name, SocialOptions options)
    {
        var problems = new List<string>();
        foreach (var (id, provider) in options.Providers)
        {
            var key = $"{SocialOptions.SectionName}:Providers:{id}";
            if (!ProviderId().IsMatch(id))
            {
                problems.Add($"{key}: the provider id must be 1 to 64 lower-case letters, digits, '-' or '_'.");
            }

            if (provider is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(provider.ClientId))
            {
                problems.Add($"{key}:ClientId is required.");
            }

            if (string.IsNullOrWhiteSpace(provider.ClientSecret))
            {
                problems.Add($"{key}:ClientSecret is required.");
            }

            if (provider.EffectiveType(id) == SocialProviderType.Oidc && string.IsNullOrWhiteSpace(provider.DiscoveryUrl)
                && (string.IsNullOrWhiteSpace(provider.AuthorizationUrl) || string.IsNullOrWhiteSpace(provider.TokenUrl) || string.IsNullOrWhiteSpace(provider.UserInfoUrl)))
            {
                problems.Add($"{key}: set DiscoveryUrl, or AuthorizationUrl, TokenUrl and UserInfoUrl.");
            }

            foreach (var (field, value) in new[]
                     {
                         ("DiscoveryUrl", provider.DiscoveryUrl), ("AuthorizationUrl", provider.AuthorizationUrl),
                         ("TokenUrl", provider.TokenUrl), ("UserInfoUrl", provider.UserInfoUrl),
                     })
            {
                if (string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    problems.Add($"{key}:{field} must be an absolute URL (got '{value}').");
                }
                else if (provider.RequireHttps && uri.Scheme != Uri.UriSchemeHttps)
                {
                    problems.Add($"{key}:{field} must be https (RequireHttps=false only for a provider on loopback in development and tests).");
                }
            }

            if (!string.IsNullOrWhiteSpace(provider.TenantId) && provider.EffectiveType(id) != SocialProviderType.Microsoft)
            {
                problems.Add($"{key}:TenantId applies to the Microsoft provider only.");
            }
        }

        foreach (var trusted in options.TrustedProviderList.Where(t => !options.Providers.ContainsKey(t)))
        {
            problems.Add($"{SocialOptions.SectionName}:TrustedProviders names '{trusted}', which is not a configured provider.");
        }

        if (options.StateLifetime < TimeSpan.FromMinutes(1) || options.StateLifetime > TimeSpan.FromMinutes(30))
        {
            problems.Add($"{SocialOptions.SectionName}:StateLifetime must be between 1 and 30 minutes.");
        }

        if (options.HttpTimeout < TimeSpan.FromSeconds(1) || options.HttpTimeout > TimeSpan.FromMinutes(1))
        {
            problems.Add($"{SocialOptions.SectionName}:HttpTimeout must be between 1 second and 1 minute.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    [GeneratedRegex("^[a-z0-9_-]{1,64}$")]
    private static partial Regex ProviderId();
}
