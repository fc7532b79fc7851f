using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Checks the relying party at start-up: the id must be a host name, every origin must be https (or
/// http on localhost) and its host must be the id or a subdomain of it, as WebAuthn requires.
/// </summary>
public sealed class PasskeyOptionsValidator(IOptions<AuthOptions> auth) : IValidateOptions<PasskeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var problems = new List<string>();
        var relyingParty = RelyingParty.Resolve(options, auth.Value);
        if (string.IsNullOrWhiteSpace(relyingParty.Id) || Uri.CheckHostName(relyingParty.Id) == UriHostNameType.Unknown || relyingParty.Id.Contains(':', StringComparison.Ordinal))
        {
            problems.Add($"Auth:Passkeys:RpId must be a host name such as example.com (got '{relyingParty.Id}').");
        }

        if (string.IsNullOrWhiteSpace(options.RpName) || options.RpName.Length > 64)
        {
            problems.Add("Auth:Passkeys:RpName must be 1 to 64 characters.");
        }

        if (relyingParty.Origins.Count == 0)
        {
            problems.Add("Auth:Passkeys:Origins must list at least one origin (or set Auth:BaseUrl).");
        }

        foreach (var origin in relyingParty.Origins)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.AbsolutePath != "/" || uri.Query.Length > 0
                || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            {
                problems.Add($"Auth:Passkeys:Origins: '{origin}' is not an https origin (http is allowed only for localhost).");
            }
            else if (!string.Equals(uri.Host, relyingParty.Id, StringComparison.OrdinalIgnoreCase)
                     && !uri.Host.EndsWith("." + relyingParty.Id, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Auth:Passkeys:Origins: '{origin}' is not on the relying party id '{relyingParty.Id}' or a subdomain of it.");
            }
        }

        if (options.ChallengeLifetime < TimeSpan.FromSeconds(30) || options.ChallengeLifetime > TimeSpan.FromMinutes(10))
        {
            problems.Add("Auth:Passkeys:ChallengeLifetime must be between 30 seconds and 10 minutes.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
