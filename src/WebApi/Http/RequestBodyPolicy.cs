using AuthPlatform.WebApi.Routing;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace AuthPlatform.WebApi.Http;

/// <summary>
/// Guards request bodies before anything parses them: JSON only (415 otherwise, which also keeps
/// cross-site "simple" form posts out; a route declared <see cref="BodyRule.JsonOrForm"/> also takes a
/// URL-encoded form), and at most <see cref="MaxBodyBytes"/> (413), counted while
/// reading so a body without Content-Length (HTTP/1.1 chunked, or an HTTP/2 or HTTP/3 data stream) cannot
/// slip past. Whether a request has a body is the server's answer
/// (<see cref="IHttpRequestBodyDetectionFeature.CanHaveBody"/>), not a guess from HTTP/1.1 headers; Kestrel's
/// own MaxRequestBodySize is set to the same limit (Hosting: AddWebApi) as the backstop.
/// </summary>
public sealed class RequestBodyPolicy(RequestDelegate next)
{
    public const int MaxBodyBytes = 16 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!HasBody(context))
        {
            await next(context);
            return;
        }

        if (!IsJson(request.ContentType) && !(AuthRouteRules.Of(context).Body == BodyRule.JsonOrForm && IsForm(request.ContentType)))
        {
            await ProblemWriter.WriteAsync(context, HttpErrors.UnsupportedMediaType(Truncate(request.ContentType)));
            return;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            await ProblemWriter.WriteAsync(context, HttpErrors.BodyTooLarge);
            return;
        }

        request.Body = new LengthLimitedStream(request.Body, MaxBodyBytes);
        await next(context);
    }

    private static bool HasBody(HttpContext context) =>
        context.Features.Get<IHttpRequestBodyDetectionFeature>() is { } detection
            ? detection.CanHaveBody && context.Request.ContentLength != 0
            : context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0;

    private static bool IsJson(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
        {
            return false;
        }

        var charset = media.Charset.Value;
        return media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            && (string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsForm(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase);

    private static string Truncate(string? value) =>
        value is null ? string.Empty : value.Length <= 64 ? value : value[..64] + "...";

    /// <summary>Throws a 413 BadHttpRequestException once more than the limit has been read.</summary>
    private sealed class LengthLimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            return _read > limit
                ? throw new BadHttpRequestException($"The request body is larger than {limit} bytes.", StatusCodes.Status413PayloadTooLarge)
                : read;
        }
    }
}
