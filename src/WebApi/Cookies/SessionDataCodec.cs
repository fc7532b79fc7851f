using System.Buffers;
using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using AuthPlatform.Application.Common.Models;
using AuthPlatform.Application.Common.Security;
using AuthPlatform.Application.Sessions.GetSession;

namespace AuthPlatform.WebApi.Cookies;

/// <summary>
/// The value of the session_data cookie: base64url(payload) "." base64url(HMAC-SHA256(key, digest ‖ payload)),
/// where digest is the SHA-256 of the session token the cache belongs to (never stored in the cookie, so
/// the value is only valid next to the matching session_token cookie) and key is derived by HKDF from
/// each auth secret and the configured version (so rotating secrets keeps accepting old cookies, and
/// changing the version rejects them all). The payload is a compact binary record, format byte first:
/// <code>
/// format(1) cacheExpiresUnixSeconds(8) flags(1) ticks x5(40) strings: sessionId userId ip ua name email image username displayUsername activeOrganizationId activeOrganizationRole activeTeamId
/// </code>
/// Strings are UTF-8 with a 16-bit length (0xFFFF = null). Nothing is trusted before the MAC matches.
/// </summary>
public sealed class SessionDataCodec
{
    public const byte Format = 4; // 2: with username and displayUsername; 3: with the active organization and the member's roles; 4: with the active team

    /// <summary>Longest value written: with name and attributes the Set-Cookie stays under browsers' 4096 bytes.</summary>
    public const int MaxValueLength = 3800;

    private const int MacLength = 32;
    private const int MacChars = 43; // base64url of 32 bytes, unpadded
    private const ushort NullString = ushort.MaxValue;
    private const int FixedLength = 1 + 8 + 1 + (5 * 8);

    private readonly byte[][] _keys;

    /// <param name="secrets">The auth secret ring, current first: signs with the first, verifies with each.</param>
    /// <param name="version">Auth:Session:CookieCache:Version, mixed into every key.</param>
    public SessionDataCodec(IReadOnlyList<string> secrets, string version)
    {
        ArgumentOutOfRangeException.ThrowIfZero(secrets.Count);
        _keys = secrets.Select(s => SecretKeys.SessionDataCookie(s, version)).ToArray();
    }

    public enum Outcome
    {
        Valid,
        Malformed,
        BadSignature,
        Expired,
    }

    /// <summary>The cookie value for <paramref name="current"/>, believed until <paramref name="cacheExpiresAt"/>; null when too large for a cookie.</summary>
    public string? Encode(CurrentSession current, ReadOnlySpan<byte> tokenDigest, DateTimeOffset cacheExpiresAt)
    {
        var session = current.Session;
        var user = current.User;
        var length = FixedLength + Size(session.Id) + Size(session.UserId) + Size(session.IpAddress) + Size(session.UserAgent)
            + Size(user.Name) + Size(user.Email) + Size(user.Image) + Size(user.Username) + Size(user.DisplayUsername)
            + Size(session.ActiveOrganizationId) + Size(current.ActiveOrganizationRole) + Size(session.ActiveTeamId);
        if (Base64Url.GetEncodedLength(length) + 1 + MacChars > MaxValueLength)
        {
            return null;
        }

        var rented = ArrayPool<byte>.Shared.Rent(tokenDigest.Length + length);
        try
        {
            var signed = rented.AsSpan(0, tokenDigest.Length + length);
            tokenDigest.CopyTo(signed);
            var payload = signed[tokenDigest.Length..];
            payload[0] = Format;
            BinaryPrimitives.WriteInt64LittleEndian(payload[1..], cacheExpiresAt.ToUnixTimeSeconds());
            payload[9] = (byte)((current.RememberMe ? 1 : 0) | (user.EmailVerified ? 2 : 0));
            var position = 10;
            foreach (var time in (ReadOnlySpan<DateTimeOffset>)[session.ExpiresAt, session.CreatedAt, session.UpdatedAt, user.CreatedAt, user.UpdatedAt])
            {
                BinaryPrimitives.WriteInt64LittleEndian(payload[position..], time.UtcTicks);
                position += 8;
            }

            foreach (var text in (ReadOnlySpan<string?>)[session.Id, session.UserId, session.IpAddress, session.UserAgent, user.Name, user.Email, user.Image, user.Username, user.DisplayUsername, session.ActiveOrganizationId, current.ActiveOrganizationRole, session.ActiveTeamId])
            {
                position += WriteString(payload[position..], text);
            }

            Span<byte> mac = stackalloc byte[MacLength];
            HMACSHA256.HashData(_keys[0], signed, mac);
            return string.Concat(Base64Url.EncodeToString(payload), ".", Base64Url.EncodeToString(mac));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Checks the MAC against every key, then the format and the cache expiry, then reads the record.</summary>
    public Outcome TryDecode(ReadOnlySpan<char> value, ReadOnlySpan<byte> tokenDigest, DateTimeOffset now, out CurrentSession? current)
    {
        current = null;
        var dot = value.IndexOf('.');
        if (value.Length > MaxValueLength || dot <= 0 || value.Length - dot - 1 != MacChars)
        {
            return Outcome.Malformed;
        }

        var encodedPayload = value[..dot];
        var maxPayload = Base64Url.GetMaxDecodedLength(encodedPayload.Length);
        var rented = ArrayPool<byte>.Shared.Rent(tokenDigest.Length + maxPayload);
        try
        {
            var buffer = rented.AsSpan();
            tokenDigest.CopyTo(buffer);
            if (Base64Url.DecodeFromChars(encodedPayload, buffer[tokenDigest.Length..], out _, out var payloadLength) != OperationStatus.Done)
            {
                return Outcome.Malformed;
            }

            Span<byte> given = stackalloc byte[MacLength];
            if (Base64Url.DecodeFromChars(value[(dot + 1)..], given, out _, out var macLength) != OperationStatus.Done || macLength != MacLength)
            {
                return Outcome.Malformed;
            }

            var signed = buffer[..(tokenDigest.Length + payloadLength)];
            if (!MacMatches(signed, given))
            {
                return Outcome.BadSignature;
            }

            var payload = signed[tokenDigest.Length..];
            if (payload.Length < FixedLength || payload[0] != Format)
            {
                return Outcome.Malformed;
            }

            if (BinaryPrimitives.ReadInt64LittleEndian(payload[1..]) <= now.ToUnixTimeSeconds())
            {
                return Outcome.Expired;
            }

            return TryRead(payload, out current) ? Outcome.Valid : Outcome.Malformed;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private bool MacMatches(ReadOnlySpan<byte> signed, ReadOnlySpan<byte> given)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        foreach (var key in _keys)
        {
            HMACSHA256.HashData(key, signed, expected);
            if (CryptographicOperations.FixedTimeEquals(expected, given))
            {
                return true;
            }
        }

        return false;
    }

    private static bool TryRead(ReadOnlySpan<byte> payload, out CurrentSession? current)
    {
        current = null;
        var flags = payload[9];
        Span<DateTimeOffset> times = stackalloc DateTimeOffset[5];
        var position = 10;
        for (var i = 0; i < times.Length; i++)
        {
            var ticks = BinaryPrimitives.ReadInt64LittleEndian(payload[position..]);
            if (ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks)
            {
                return false;
            }

            times[i] = new DateTimeOffset(ticks, TimeSpan.Zero);
            position += 8;
        }

        if (!TryReadString(payload, ref position, out var sessionId) || sessionId is null
            || !TryReadString(payload, ref position, out var userId) || userId is null
            || !TryReadString(payload, ref position, out var ipAddress)
            || !TryReadString(payload, ref position, out var userAgent)
            || !TryReadString(payload, ref position, out var name) || name is null
            || !TryReadString(payload, ref position, out var email) || email is null
            || !TryReadString(payload, ref position, out var image)
            || !TryReadString(payload, ref position, out var username)
            || !TryReadString(payload, ref position, out var displayUsername)
            || !TryReadString(payload, ref position, out var activeOrganizationId)
            || !TryReadString(payload, ref position, out var activeOrganizationRole)
            || !TryReadString(payload, ref position, out var activeTeamId)
            || position != payload.Length)
        {
            return false;
        }

        current = new CurrentSession(
            new SessionDto(sessionId, userId, times[0], times[1], times[2], ipAddress, userAgent, ActiveOrganizationId: activeOrganizationId, ActiveTeamId: activeTeamId),
            new UserDto(userId, name, email, (flags & 2) != 0, image, times[3], times[4], username, displayUsername),
            RememberMe: (flags & 1) != 0)
        {
            ActiveOrganizationRole = activeOrganizationRole,
        };
        return true;
    }

    private static int Size(string? text) => 2 + (text is null ? 0 : Encoding.UTF8.GetByteCount(text));

    private static int WriteString(Span<byte> destination, string? text)
    {
        if (text is null)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(destination, NullString);
            return 2;
        }

        var written = Encoding.UTF8.GetBytes(text, destination[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)written);
        return 2 + written;
    }

    private static bool TryReadString(ReadOnlySpan<byte> payload, ref int position, out string? text)
    {
        text = null;
        if (payload.Length - position < 2)
        {
            return false;
        }

        var length = BinaryPrimitives.ReadUInt16LittleEndian(payload[position..]);
        position += 2;
        if (length == NullString)
        {
            return true;
        }

        if (payload.Length - position < length)
        {
            return false;
        }

        text = Encoding.UTF8.GetString(payload.Slice(position, length));
        position += length;
        return true;
    }
}
