using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Options;

/// <summary>
/// Checks the relying party at start-up, when it is configured explicitly: the id must be a host name,
/// every listed origin must be https (or http on localhost) on the id or a subdomain of it, as WebAuthn
/// requires. Defaults derived from the base URL never stop the service (unsuitable ones are left out).
/// </summary>
public sealed class PasskeyOptionsValidator(IOptions<AuthOptions> auth) : IValidateOptions<PasskeyOptions>
{
    public ValidateOptionsResult Validate(string? name, PasskeyOptions options)
    {
        var problems = new List<string>();
        var relyingParty = RelyingParty.Resolve(options, auth.Value);
        if (!string.IsNullOrWhiteSpace(options.RpId)
            && (Uri.CheckHostName(relyingParty.Id) is not (UriHostNameType.Dns) || relyingParty.Id.Contains(':', StringComparison.Ordinal)))
        {
            problems.Add($"Auth:Passkeys:RpId must be a host name such as example.com (got '{options.RpId}').");
        }

        if (string.IsNullOrWhiteSpace(options.RpName) || options.RpName.Length > 64)
        {
            problems.Add("Auth:Passkeys:RpName must be 1 to 64 characters.");
        }

        if (!string.IsNullOrWhiteSpace(options.Origins))
        {
            problems.AddRange(relyingParty.Origins.Select(o => RelyingParty.Problem(o, relyingParty.Id)).OfType<string>().Select(p => "Auth:Passkeys:Origins: " + p));
        }

        if (options.ChallengeLifetime < TimeSpan.FromSeconds(30) || options.ChallengeLifetime > TimeSpan.FromMinutes(10))
        {
            problems.Add("Auth:Passkeys:ChallengeLifetime must be between 30 seconds and 10 minutes.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
