using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.Application.Tokens;

namespace AuthPlatform.Infrastructure.SigningKeys;

/// <summary>
/// Writes compact JWS access tokens by hand: the claims go through a reused Utf8JsonWriter into a
/// per-thread buffer, are base64url-encoded next to the precomputed header, and are signed by the
/// ring's in-memory active key. The only allocations per token are the result string and the pooled
/// scratch buffer's rental.
/// </summary>
public sealed class JwtWriter(SigningKeyRing ring) : IJwtSigner
{
    // The payload is base64url-encoded, so escaping non-ASCII text buys nothing and costs bytes.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = true };

    // The organization claims' names are decided once (OrganizationClaims); encoded here once.
    private static readonly JsonEncodedText OrganizationIdName = JsonEncodedText.Encode(OrganizationClaims.OrganizationId);
    private static readonly JsonEncodedText OrganizationRolesName = JsonEncodedText.Encode(OrganizationClaims.OrganizationRoles);

    [ThreadStatic]
    private static PayloadBuffer? t_payload;

    public bool TrySign(in AccessTokenClaims claims, out string token)
    {
        token = string.Empty;
        if (ring.ActiveSigningKey() is not { } key)
        {
            return false;
        }

        var payload = t_payload ??= new PayloadBuffer();
        var json = payload.Write(claims);

        var header = key.EncodedHeader;
        var payloadLength = Base64Url.GetEncodedLength(json.Length);
        var signatureLength = Base64Url.GetEncodedLength(key.SignatureLength);
        var total = header.Length + 1 + payloadLength + 1 + signatureLength;
        var buffer = ArrayPool<byte>.Shared.Rent(total + key.SignatureLength);
        try
        {
            var span = buffer.AsSpan();
            header.CopyTo(span);
            var position = header.Length;
            span[position++] = (byte)'.';
            position += Base64Url.EncodeToUtf8(json, span[position..]);

            var signature = span.Slice(total, key.SignatureLength);
            var written = key.Sign(span[..position], signature);
            span[position++] = (byte)'.';
            position += Base64Url.EncodeToUtf8(signature[..written], span[position..]);
            token = Encoding.ASCII.GetString(span[..position]);
            return true;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One per thread: the buffer and writer are reset, not reallocated, for each token.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "Lives as long as its thread; the writer holds no unmanaged resource.")]
    private sealed class PayloadBuffer
    {
        private readonly ArrayBufferWriter<byte> _buffer = new(512);
        private readonly Utf8JsonWriter _writer;

        public PayloadBuffer() => _writer = new Utf8JsonWriter(_buffer, WriterOptions);

        public ReadOnlySpan<byte> Write(in AccessTokenClaims claims)
        {
            _buffer.ResetWrittenCount();
            _writer.Reset(_buffer);
            var w = _writer;
            w.WriteStartObject();
            w.WriteString("iss"u8, claims.Issuer);
            w.WriteStartArray("aud"u8);
            foreach (var audience in claims.Audience)
            {
                w.WriteStringValue(audience);
            }

            w.WriteEndArray();
            w.WriteString("sub"u8, claims.Subject);
            w.WriteNumber("iat"u8, claims.IssuedAt);
            w.WriteNumber("nbf"u8, claims.NotBefore);
            w.WriteNumber("exp"u8, claims.ExpiresAt);
            w.WriteString("jti"u8, claims.TokenId);
            w.WriteString("sid"u8, claims.SessionId);
            w.WriteString("email"u8, claims.Email);
            w.WriteBoolean("email_verified"u8, claims.EmailVerified);
            w.WriteString("name"u8, claims.Name);
            if (claims.Actor is { } actor)
            {
                // RFC 8693 §4.1: who acts for the subject (an administrator impersonating the user).
                w.WriteStartObject("act"u8);
                w.WriteString("sub"u8, actor);
                w.WriteEndObject();
            }

            if (claims.OrganizationId is { } organizationId)
            {
                w.WriteString(OrganizationIdName, organizationId);
                w.WriteStartArray(OrganizationRolesName);
                foreach (var role in claims.OrganizationRoles ?? [])
                {
                    w.WriteStringValue(role);
                }

                w.WriteEndArray();
            }

            w.WriteEndObject();
            w.Flush();
            return _buffer.WrittenSpan;
        }
    }
}
