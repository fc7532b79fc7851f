using System.Globalization;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// Reads and writes the &lt;prefix&gt;.session_data cookie of the cookie cache (<see cref="SessionCookieCacheOptions"/>),
/// with the attributes of the session cookie (<see cref="SessionCookiePolicy"/>). Only get-session
/// reads it; <see cref="SessionCookies.Expire"/> expires it together with the session cookie.
/// </summary>
public sealed partial class SessionDataCookie
{
    private readonly SessionCookies _cookies;
    private readonly SessionDataCodec _codec;
    private readonly TimeProvider _clock;
    private readonly TimeSpan _maxAge;
    private readonly ILogger<SessionDataCookie> _logger;

    public SessionDataCookie(SessionCookies cookies, IOptions<SessionCookieCacheOptions> options, IOptions<AuthOptions> auth, TimeProvider clock, ILogger<SessionDataCookie> logger)
    {
        _cookies = cookies;
        _clock = clock;
        _logger = logger;
        Enabled = options.Value.Enabled;
        _maxAge = options.Value.MaxAge;
        _codec = new SessionDataCodec(auth.Value.SecretRing, options.Value.Version);
    }

    public bool Enabled { get; }

    /// <summary>
    /// The cached session for <paramref name="token"/> when the request carries a cache cookie that is
    /// signed for this token, of the configured version, and not past its cache expiry. Anything else is
    /// a miss (logged at Debug), and the caller reads the store.
    /// </summary>
    public bool TryRead(HttpRequest request, SessionToken token, out CurrentSession? current)
    {
        current = null;
        if (!Enabled || !request.Cookies.TryGetValue(_cookies.Policy.SessionDataName, out var value) || string.IsNullOrEmpty(value))
        {
            return false;
        }

        var outcome = _codec.TryDecode(value, token.ComputeDigest(), _clock.GetUtcNow(), out current);
        if (outcome != SessionDataCodec.Outcome.Valid)
        {
            Missed(_logger, outcome);
            return false;
        }

        return true;
    }

    /// <summary>Caches <paramref name="current"/> for the cache max-age, never past the session's own expiry.</summary>
    public void Write(HttpResponse response, SessionToken token, CurrentSession current)
    {
        if (!Enabled)
        {
            return;
        }

        if (current.Session.ImpersonatedBy is not null)
        {
            // The cache record does not carry who impersonates: an impersonation session is always read from the
            // store, so get-session shows impersonatedBy and its end takes effect at once.
            Expire(response);
            return;
        }

        var now = _clock.GetUtcNow();
        var expiresAt = now + _maxAge < current.Session.ExpiresAt ? now + _maxAge : current.Session.ExpiresAt;
        var seconds = (long)Math.Floor((expiresAt - now).TotalSeconds);
        var value = seconds > 0 ? _codec.Encode(current, token.ComputeDigest(), now.AddSeconds(seconds)) : null;
        if (value is null)
        {
            // Too large for a cookie (a very long user agent or image URL), or about to expire: no cache.
            Expire(response);
            return;
        }

        response.Headers.Append("Set-Cookie", string.Concat(
            _cookies.Policy.SessionDataName, "=", value, "; Max-Age=", seconds.ToString(CultureInfo.InvariantCulture), _cookies.Policy.Attributes));
    }

    /// <summary>Expires the cache cookie (e.g. after update-user, so this device reads its new profile).</summary>
    public void Expire(HttpResponse response) => _cookies.ExpireSessionData(response);

    [LoggerMessage(EventId = 1310, Level = LogLevel.Debug, Message = "Cookie cache not used: {CacheOutcome}; reading the store")]
    private static partial void Missed(ILogger logger, SessionDataCodec.Outcome cacheOutcome);
}
