using System.Globalization;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// The short-lived cookies of a sign-in in progress, each naming a half-finished flow. None of them is a
/// session credential: the credential reader never looks at them. A route declares the ones it reads
/// (<c>[AuthRoute(Reads = ...)]</c>); the authentication handler reads them for it.
/// </summary>
[Flags]
public enum FlowCookie
{
    None = 0,

    /// <summary>two_factor: a sign-in waiting for its second factor (BetterAuth's name).</summary>
    TwoFactor = 1,

    /// <summary>trust_device: a browser that skips the second factor for a while.</summary>
    TrustDevice = 2,

    /// <summary>better-auth-passkey: the WebAuthn ceremony in progress.</summary>
    PasskeyChallenge = 4,

    /// <summary>state: binds a social sign-in's state to the browser that started it.</summary>
    OAuthState = 8,
}

/// <summary>
/// Names, writes, reads and expires the <see cref="FlowCookie"/>s, named as BetterAuth names them under the
/// session cookie's prefix. Values are random tokens, HMAC-signed like the session cookie; the database
/// holds only their digests. Only the authentication handler (reading) and <c>CookieResult</c> (writing) use it.
/// </summary>
public sealed class FlowCookies(
    SessionCookies sessionCookies,
    SessionTokenSigner signer,
    IOptions<TwoFactorOptions> twoFactor,
    IOptions<PasskeyOptions> passkeys,
    IOptions<SocialOptions> social)
{
    public static readonly FlowCookie[] All = [FlowCookie.TwoFactor, FlowCookie.TrustDevice, FlowCookie.PasskeyChallenge, FlowCookie.OAuthState];

    private SessionCookiePolicy Policy => sessionCookies.Policy;

    public string NameOf(FlowCookie cookie) => Policy.SessionTokenName[..^"session_token".Length] + cookie switch
    {
        FlowCookie.TwoFactor => "two_factor",
        FlowCookie.TrustDevice => "trust_device",
        FlowCookie.PasskeyChallenge => "better-auth-passkey",
        FlowCookie.OAuthState => "state",
        _ => throw new ArgumentOutOfRangeException(nameof(cookie), cookie, "One flow cookie at a time."),
    };

    public void Write(HttpResponse response, FlowCookie cookie, SessionToken token) =>
        response.Headers.Append("Set-Cookie", string.Concat(
            NameOf(cookie), "=", Uri.EscapeDataString(signer.Sign(token)),
            "; Max-Age=", ((long)LifetimeOf(cookie).TotalSeconds).ToString(CultureInfo.InvariantCulture),
            Policy.Attributes));

    public SessionToken? Read(HttpRequest request, FlowCookie cookie)
    {
        if (!request.Cookies.TryGetValue(NameOf(cookie), out var value) || string.IsNullOrEmpty(value) || value.Length > 512)
        {
            return null;
        }

        var unescaped = value.Contains('%', StringComparison.Ordinal) ? Uri.UnescapeDataString(value) : value;
        return signer.TryRead(unescaped, signatureRequired: true, out var token) == SessionTokenSigner.Outcome.Valid ? token : null;
    }

    public void Expire(HttpResponse response, FlowCookie cookie) =>
        response.Headers.Append("Set-Cookie", NameOf(cookie) + "=; Max-Age=0" + Policy.Attributes);

    private TimeSpan LifetimeOf(FlowCookie cookie) => cookie switch
    {
        FlowCookie.TwoFactor => twoFactor.Value.ChallengeLifetime,
        FlowCookie.TrustDevice => twoFactor.Value.TrustDeviceLifetime,
        FlowCookie.PasskeyChallenge => passkeys.Value.ChallengeLifetime,
        FlowCookie.OAuthState => social.Value.StateLifetime,
        _ => throw new ArgumentOutOfRangeException(nameof(cookie), cookie, "One flow cookie at a time."),
    };
}
