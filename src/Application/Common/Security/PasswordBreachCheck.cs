using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Common.Results;
using Microsoft.Extensions.Options;

namespace AuthPlatform.Application.Common.Security;

/// <summary>
/// The one judgement of a new password against known breaches (ASVS 6.2.4, BetterAuth's haveIBeenPwned):
/// the embedded common-password list first (no network), then, when Auth:BreachedPasswords:Enabled, the
/// range query. Every password-setting path reaches it through the validators' <c>NotBreached</c> rule.
/// </summary>
public sealed class PasswordBreachCheck(ICommonPasswordList commonPasswords, IBreachedPasswordRange range, IOptionsMonitor<BreachedPasswordOptions> options)
{
    /// <summary>Null when the password may be used; otherwise the refusal (PASSWORD_COMPROMISED, or PASSWORD_CHECK_UNAVAILABLE when failing closed).</summary>
    public async Task<Error?> RefusalOfAsync(string password, CancellationToken cancellationToken)
    {
        if (commonPasswords.Contains(password))
        {
            return Errors.PasswordCompromised;
        }

        var settings = options.CurrentValue;
        if (!settings.Enabled)
        {
            return null;
        }

        return await range.LookUpAsync(password, cancellationToken) switch
        {
            BreachLookup.Found => Errors.PasswordCompromised,
            BreachLookup.Unavailable when settings.FailClosed => Errors.PasswordCheckUnavailable,
            _ => null,
        };
    }
}
