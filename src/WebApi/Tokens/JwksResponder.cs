using System.Globalization;
using AuthPlatform.Application.Common.Options;
using AuthPlatform.Application.Tokens;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AuthPlatform.WebApi.Tokens;

/// <summary>
/// Writes the precomputed JWKS bytes with public caching: Cache-Control max-age and a strong ETag, and a
/// 304 for a matching If-None-Match. It sets its own Cache-Control, so the no-store default of the
/// auth routes does not apply.
/// </summary>
public sealed class JwksResponder(IOptions<JwtOptions> options)
{
    private readonly string _cacheControl = $"public, max-age={((long)options.Value.JwksMaxAge.TotalSeconds).ToString(CultureInfo.InvariantCulture)}";

    public string CacheControl => _cacheControl;

    public async Task WriteAsync(HttpContext context, JwksDocument jwks)
    {
        var response = context.Response;
        response.Headers.CacheControl = _cacheControl;
        response.Headers.ETag = jwks.ETag;
        if (IsNotModified(context.Request, jwks.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.ContentType = "application/jwk-set+json";
        response.ContentLength = jwks.Json.Length;
        await response.Body.WriteAsync(jwks.Json, context.RequestAborted);
    }

    private static bool IsNotModified(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        return EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || string.Equals(t.Tag.Value, etag, StringComparison.Ordinal));
    }
}
