using System.Globalization;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// The cookies of second factors and passkeys, named as BetterAuth names them under the session cookie's
/// prefix: two_factor (a sign-in waiting for its second factor), trust_device (a browser that skips it)
/// and better-auth-passkey (the WebAuthn ceremony in progress). Values are random tokens, HMAC-signed like
/// the session cookie; the database holds only their digests. None of them is a session credential: the
/// credential reader never looks at them.
/// </summary>
public sealed class SecondFactorCookies(SessionCookies sessionCookies, SessionTokenSigner signer, IOptions<TwoFactorOptions> twoFactor, IOptions<PasskeyOptions> passkeys)
{
    private SessionCookiePolicy Policy => sessionCookies.Policy;

    public string TwoFactorName => Named("two_factor");

    public string TrustDeviceName => Named("trust_device");

    public string PasskeyChallengeName => Named("better-auth-passkey");

    /// <summary>Binds a social sign-in's state to the browser that started it (BetterAuth's state cookie).</summary>
    public string OAuthStateName => Named("state");

    public void WriteTwoFactor(HttpResponse response, SessionToken challenge) => Write(response, TwoFactorName, challenge, twoFactor.Value.ChallengeLifetime);

    public void WriteTrustDevice(HttpResponse response, SessionToken device) => Write(response, TrustDeviceName, device, twoFactor.Value.TrustDeviceLifetime);

    public void WritePasskeyChallenge(HttpResponse response, SessionToken handle) => Write(response, PasskeyChallengeName, handle, passkeys.Value.ChallengeLifetime);

    public void WriteOAuthState(HttpResponse response, SessionToken state, TimeSpan lifetime) => Write(response, OAuthStateName, state, lifetime);

    public SessionToken? Read(HttpRequest request, string name)
    {
        if (!request.Cookies.TryGetValue(name, out var value) || string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return null;
        }

        var unescaped = value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
        return signer.TryRead(unescaped, signatureRequired: true, out var token) == SessionTokenSigner.Outcome.Valid ? token : null;
    }

    public void Expire(HttpResponse response, string name) =>
        response.Headers.Append("Set-Cookie", name + "=; Max-Age=0" + Policy.Attributes);

    private void Write(HttpResponse response, string name, SessionToken token, TimeSpan lifetime) =>
        response.Headers.Append("Set-Cookie", string.Concat(
            name, "=", Uri.EscapeDataString(signer.Sign(token)),
            "; Max-Age=", ((long)lifetime.TotalSeconds).ToString(CultureInfo.InvariantCulture),
            Policy.Attributes));

    private string Named(string suffix) => Policy.SessionTokenName[..^"session_token".Length] + suffix;
}
