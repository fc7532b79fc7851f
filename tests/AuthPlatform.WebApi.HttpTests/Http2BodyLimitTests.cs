using System.Net;
using System.Text;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>
/// The 16 KiB body limit holds for a body that announces no length: over HTTP/2 a request body is a stream
/// of DATA frames with neither Content-Length nor Transfer-Encoding. Runs the real binary on Kestrel with an
/// HTTP/2-only (h2c, prior knowledge) endpoint beside an HTTP/1.1 one used for the readiness probe.
/// </summary>
[Trait("Tier", "full")]
public sealed class Http2BodyLimitTests(TestDatabase database)
{
    [Fact]
    public async Task A_one_mebibyte_body_over_http2_without_content_length_is_413()
    {
        await database.ResetAsync();
        var http1 = PostgresCluster.FreePort();
        var http2 = PostgresCluster.FreePort();
        var environment = new Dictionary<string, string?>
        {
            ["AUTH_SECRET"] = TestSettings.Secret,
            ["AUTH_BASE_URL"] = TestSettings.BaseUrl,
            ["DATABASE_URL"] = database.ConnectionString,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Kestrel__Endpoints__Http1__Url"] = $"http://127.0.0.1:{http1}",
            ["Kestrel__Endpoints__Http2__Url"] = $"http://127.0.0.1:{http2}",
            ["Kestrel__Endpoints__Http2__Protocols"] = "Http2",
        };
        await using var service = ServiceProcess.Start(environment);
        await service.WaitUntilReadyAsync($"http://127.0.0.1:{http1}/health/live", TimeSpan.FromSeconds(90));

        using var client = new HttpClient();
        var body = Encoding.UTF8.GetBytes("{\"email\":\"ann@example.com\",\"password\":\"" + new string('p', 1024 * 1024) + "\"}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{http2}/api/auth/sign-in/email")
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new UnsizedContent(body),
        };

        using var response = await client.SendAsync(request);

        Assert.Equal(new Version(2, 0), response.Version);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("PAYLOAD_TOO_LARGE", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await database.ScalarAsync<long>("select count(*) from sessions"));
    }

    /// <summary>JSON content that does not know its length, so HttpClient sends no Content-Length.</summary>
    private sealed class UnsizedContent : HttpContent
    {
        private readonly byte[] _bytes;

        public UnsizedContent(byte[] bytes)
        {
            _bytes = bytes;
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
