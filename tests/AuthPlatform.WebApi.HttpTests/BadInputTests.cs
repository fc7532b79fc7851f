using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AuthPlatform.Testing;

namespace AuthPlatform.WebApi.HttpTests;

/// <summary>Every bad input gets a clear 4xx problem+json, never a 500, and writes nothing.</summary>
[Trait("Tier", "fast")]
public sealed class BadInputTests(TestDatabase database) : IAsyncLifetime
{
    private AuthApiFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        await database.ResetAsync();
        _factory = new AuthApiFactory(database.ConnectionString);
        _client = _factory.CreatePlainClient();
    }

    public async ValueTask DisposeAsync() => await _factory.DisposeAsync();

    private async Task<(int Users, int Sessions)> RowsAsync() =>
        (await database.ScalarAsync<int>("select count(*) from users"), await database.ScalarAsync<int>("select count(*) from sessions"));

    private async Task<string> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = System.Text.Json.Nodes.JsonNode.Parse(body)!;
        Assert.Equal((int)status, json["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrWhiteSpace(json["message"]!.GetValue<string>()));
        if (code is not null)
        {
            Assert.Equal(code, json["code"]!.GetValue<string>());
        }

        return body;
    }

    public static TheoryData<string, string, int, string> SignUpBodies => new()
    {
        { "missing fields", "{}", 400, "VALIDATION_ERROR" },
        { "missing password", """{"name":"Ann","email":"ann@example.com"}""", 400, "VALIDATION_ERROR" },
        { "invalid email", """{"name":"Ann","email":"ann-at-example.com","password":"long enough pw"}""", 400, "INVALID_EMAIL" },
        { "7-character password", """{"name":"Ann","email":"ann@example.com","password":"1234567"}""", 400, "PASSWORD_TOO_SHORT" },
        { "129-character password", "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"password\":\"" + new string('p', 129) + "\"}", 400, "PASSWORD_TOO_LONG" },
        { "malformed JSON", """{"name":"Ann","email":""", 400, "VALIDATION_ERROR" },
        { "wrong types", """{"name":42,"email":["a"],"password":true}""", 400, "VALIDATION_ERROR" },
        { "duplicate keys", """{"name":"Ann","email":"ann@example.com","email":"eve@example.com","password":"long enough pw"}""", 400, "VALIDATION_ERROR" },
        { "JSON null body", "null", 400, "VALIDATION_ERROR" },
        { "array body", "[]", 400, "VALIDATION_ERROR" },
    };

    [Theory]
    [MemberData(nameof(SignUpBodies))]
    public async Task Bad_sign_up_bodies_are_refused(string label, string body, int status, string code)
    {
        var before = await RowsAsync();

        var response = await _client.PostAsync("/api/auth/sign-up/email", AuthApi.Json(body));

        await AssertProblemAsync(response, (HttpStatusCode)status, code);
        Assert.Equal(before, await RowsAsync());
        Assert.NotNull(label);
    }

    [Fact]
    public async Task Missing_fields_are_listed_per_field()
    {
        var body = await AssertProblemAsync(await _client.PostAsync("/api/auth/sign-up/email", AuthApi.Json("{}")), HttpStatusCode.BadRequest);
        var errors = System.Text.Json.Nodes.JsonNode.Parse(body)!["errors"]!.AsObject();

        Assert.Equal(["email", "name", "password"], errors.Select(e => e.Key).Order());
    }

    [Theory]
    [InlineData("""{"email":""")]
    [InlineData("""{"email":"ann@example.com",}""")]
    [InlineData("""{"email" "ann@example.com"}""")]
    public async Task Broken_json_is_named_as_such(string body)
    {
        var problem = await AssertProblemAsync(await _client.PostAsync("/api/auth/sign-in/email", AuthApi.Json(body)), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        var json = System.Text.Json.Nodes.JsonNode.Parse(problem)!;

        Assert.Equal("The request body is not valid JSON.", json["message"]!.GetValue<string>());
        Assert.Equal(["body"], json["errors"]!.AsObject().Select(e => e.Key));
        Assert.DoesNotContain("BytePositionInLine", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_one_mebibyte_body_is_refused_before_parsing()
    {
        var huge = "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"password\":\"" + new string('p', 1024 * 1024) + "\"}";

        await AssertProblemAsync(await _client.PostAsync("/api/auth/sign-up/email", AuthApi.Json(huge)), HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Equal((0, 0), await RowsAsync());
    }

    [Fact]
    public async Task A_large_chunked_body_without_content_length_is_refused_too()
    {
        var huge = "{\"name\":\"Ann\",\"email\":\"ann@example.com\",\"password\":\"" + new string('p', 64 * 1024) + "\"}";
        var content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes(huge)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-up/email") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        var response = await _client.SendAsync(request);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "PAYLOAD_TOO_LARGE");
        Assert.Equal((0, 0), await RowsAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData("application/json; charset=latin1")]
    public async Task Bodies_that_are_not_json_are_refused(string contentType)
    {
        var content = new StringContent("""{"email":"ann@example.com","password":"long enough pw"}""");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);

        await AssertProblemAsync(await _client.PostAsync("/api/auth/sign-in/email", content), HttpStatusCode.UnsupportedMediaType, "UNSUPPORTED_MEDIA_TYPE");
        Assert.Equal((0, 0), await RowsAsync());
    }

    [Theory]
    [InlineData("better-auth.session_token=garbage")]
    [InlineData("better-auth.session_token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.bm90IGEgc2lnbmF0dXJlIGF0IGFsbCBhdCBhbGwgYXQ%3D")]
    [InlineData("better-auth.session_token=%00%01%02%ff")]
    public async Task A_garbage_cookie_is_a_401_problem_and_is_cleared(string cookie)
    {
        var response = await _client.GetSessionAsync(cookie);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.StartsWith("better-auth.session_token=; Max-Age=0", AuthApi.SessionSetCookie(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cookie_signed_with_another_secret_is_rejected()
    {
        var session = await _client.SignUpAsync();
        await using var other = new AuthApiFactory(database.ConnectionString);
        other.Settings["Auth:Secret"] = TestSettings.OtherSecret;

        var response = await other.CreatePlainClient().GetSessionAsync(session.Cookie);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
    }

    [Fact]
    public async Task A_ten_kilobyte_bearer_header_is_a_401_problem()
    {
        var response = await _client.GetSessionWithBearerAsync(new string('A', 10 * 1024));

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_jwt_sent_as_the_session_bearer_is_explained()
    {
        var response = await _client.GetSessionWithBearerAsync("eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");

        var body = await AssertProblemAsync(response, HttpStatusCode.Unauthorized, "INVALID_TOKEN");
        Assert.Contains("JWT", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_query_value_is_a_400_not_a_500()
    {
        var session = await _client.SignUpAsync();

        await AssertProblemAsync(await _client.GetSessionAsync(session.Cookie, "?disableRefresh=maybe"), HttpStatusCode.BadRequest, "VALIDATION_ERROR");
    }

    [Fact]
    public async Task A_wrong_method_is_a_405()
    {
        var response = await _client.GetAsync("/api/auth/sign-in/email");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }
}
