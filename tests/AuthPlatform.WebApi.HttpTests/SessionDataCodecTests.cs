using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Sessions.GetSession;
using AuthPlatform.Domain.Sessions;
using AuthPlatform.WebApi.Cookies;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>The cookie cache's value format: exact round trip, its expiry, its binding, its size limit.</summary>
[Trait("Tier", "fast")]
public sealed class SessionDataCodecTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Digest = SessionToken.Generate().ComputeDigest();
    private readonly SessionDataCodec _codec = new(["first-secret-0123456789-abcdefghijklmnopqrstuvwxyz", "older-secret-0123456789-abcdefghijklmnopqrstuvwxyz"], "1");

    [Fact]
    public void Every_field_round_trips_exactly_including_nulls_and_non_ascii_text()
    {
        var session = Sample(name: "Zoë 東京 🚀", image: null, userAgent: null, emailVerified: true, rememberMe: false);
        var value = _codec.Encode(session, Digest, Now.AddMinutes(5))!;

        Assert.Equal(SessionDataCodec.Outcome.Valid, _codec.TryDecode(value, Digest, Now, out var decoded));
        Assert.Equal(session.Session, decoded!.Session);
        Assert.Equal(session.User, decoded.User);
        Assert.False(decoded.RememberMe);
        Assert.DoesNotContain('=', value);
        Assert.DoesNotContain(';', value);
    }

    [Fact]
    public void The_username_and_its_display_form_round_trip()
    {
        var plain = Sample();
        var session = plain with { User = plain.User with { Username = "ann.lee", DisplayUsername = "Ann.Lee" } };

        Assert.Equal(SessionDataCodec.Outcome.Valid, _codec.TryDecode(_codec.Encode(session, Digest, Now.AddMinutes(5))!, Digest, Now, out var decoded));
        Assert.Equal("ann.lee", decoded!.User.Username);
        Assert.Equal("Ann.Lee", decoded.User.DisplayUsername);
    }

    [Fact]
    public void The_value_expires_at_its_cache_expiry_and_only_matches_its_own_token()
    {
        var value = _codec.Encode(Sample(), Digest, Now.AddMinutes(5))!;

        Assert.Equal(SessionDataCodec.Outcome.Valid, _codec.TryDecode(value, Digest, Now.AddMinutes(5).AddSeconds(-1), out _));
        Assert.Equal(SessionDataCodec.Outcome.Expired, _codec.TryDecode(value, Digest, Now.AddMinutes(5), out _));
        Assert.Equal(SessionDataCodec.Outcome.BadSignature, _codec.TryDecode(value, SessionToken.Generate().ComputeDigest(), Now, out _));
        Assert.Equal(SessionDataCodec.Outcome.BadSignature, new SessionDataCodec(["first-secret-0123456789-abcdefghijklmnopqrstuvwxyz"], "2").TryDecode(value, Digest, Now, out _));
    }

    [Fact]
    public void Values_signed_with_an_older_secret_of_the_ring_still_verify()
    {
        var older = new SessionDataCodec(["older-secret-0123456789-abcdefghijklmnopqrstuvwxyz"], "1");
        var value = older.Encode(Sample(), Digest, Now.AddMinutes(5))!;

        Assert.Equal(SessionDataCodec.Outcome.Valid, _codec.TryDecode(value, Digest, Now, out _));
    }

    [Fact]
    public void A_session_too_large_for_a_cookie_is_not_cached()
    {
        Assert.Null(_codec.Encode(Sample(image: "https://img.example.com/" + new string('a', 3000)), Digest, Now.AddMinutes(5)));
        Assert.NotNull(_codec.Encode(Sample(userAgent: new string('u', Session.MaxUserAgentLength)), Digest, Now.AddMinutes(5)));
    }

    private static CurrentSession Sample(string name = "Ann", string? image = "https://img.example.com/ann.png", string? userAgent = "Mozilla/5.0", bool emailVerified = false, bool rememberMe = true) =>
        new(
            new SessionDto("session-id-0123456789abcdefghijkl", "user-id-0123456789abcdefghijklmn", Now.AddDays(7).AddTicks(1234), Now.AddTicks(10), Now.AddTicks(20), "203.0.113.7", userAgent),
            new UserDto("user-id-0123456789abcdefghijklmn", name, "ann@example.com", emailVerified, image, Now.AddDays(-3), Now.AddDays(-1)),
            rememberMe);
}
