using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using AuthPlatform.Domain.SigningKeys;
using AuthPlatform.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// GET /openapi/v1.json is an OpenAPI 3.1 document of every route the app has (enumerated from its
/// EndpointDataSource, not from a list kept by hand), with request and response schemas and the problem
/// responses; the Scalar reference page exists in Development only.
/// </summary>
public sealed class OpenApiDocumentTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string DocumentPath = "/openapi/v1.json";
    private const string ProblemReference = "#/components/schemas/ProblemResponse";
    private readonly TestDatabase _database = new();
    private AuthApiFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        await _database.InitializeAsync();
        _factory = new AuthApiFactory(_database.ConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task The_document_is_OpenAPI_3_1_and_lists_every_route_the_app_has()
    {
        var document = await DocumentAsync(_factory);
        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);

        var routes = Routes(_factory.Services);
        output.WriteLine($"{routes.Count} routes: {string.Join(", ", routes.Select(r => $"{r.Method} {r.Path}"))}");
        Assert.True(routes.Count >= 17, $"only {routes.Count} routes found; the enumeration is broken");
        var missing = routes.Where(r => document["paths"]?[r.Path]?[r.Method.ToLowerInvariant()] is null).ToList();
        Assert.True(missing.Count == 0, "not in the document: " + string.Join(", ", missing.Select(r => $"{r.Method} {r.Path}")));

        // And nothing in the document that the app does not serve.
        var documented = document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (Method: o.Key.ToUpperInvariant(), Path: p.Key))).ToList();
        Assert.All(documented, d => Assert.Contains(d, routes.Select(r => (r.Method, r.Path))));
    }

    [Fact]
    public async Task Every_operation_describes_its_success_body_and_its_problem_responses()
    {
        var document = await DocumentAsync(_factory);
        var operations = Operations(document).ToList();
        Assert.NotEmpty(operations);
        foreach (var (method, path, operation) in operations)
        {
            var responses = operation["responses"]!.AsObject();
            var success = responses.Where(r => r.Key.StartsWith('2')).ToList();
            // A route that only forwards the browser (GET /reset-password/{token}) succeeds with a 302 and no body.
            var redirectOnly = success.Count == 0 && responses.ContainsKey("302");
            Assert.True(success.Count > 0 || redirectOnly, $"{method} {path}: no success response");
            Assert.All(success, r => Assert.True(r.Value?["content"]?.AsObject().Any(c => c.Value?["schema"] is not null) == true, $"{method} {path} {r.Key}: no schema"));
            if (path.StartsWith("/health/", StringComparison.Ordinal))
            {
                continue; // readiness answers its report, not a problem, when not ready
            }

            var problems = responses.Where(r => r.Key[0] is '4' or '5').ToList();
            Assert.Contains(problems, r => r.Key == "503");
            foreach (var (status, response) in problems)
            {
                var schema = response?["content"]?["application/problem+json"]?["schema"];
                if (path.StartsWith("/api/auth/oauth2/", StringComparison.Ordinal) && OAuthError(response) && status is "400" or "401")
                {
                    continue; // an OAuth protocol route answers the protocol's {error, error_description} (RFC 6749, 7591), as described
                }

                Assert.True(schema?["$ref"]?.GetValue<string>() == ProblemReference, $"{method} {path} {status}: not described as problem+json: {response?.ToJsonString()}");
            }

            if (path.StartsWith("/api/auth/", StringComparison.Ordinal))
            {
                Assert.Contains(problems, r => r.Key == "429");
            }

            if (method == "POST")
            {
                Assert.All(new[] { "400", "403", "413", "415" }, s => Assert.Contains(problems, r => r.Key == s));
            }
        }

        var problem = document["components"]!["schemas"]!["ProblemResponse"]!["properties"]!.AsObject();
        Assert.All(new[] { "type", "title", "status", "code", "message", "detail", "errors" }, p => Assert.True(problem.ContainsKey(p), $"ProblemResponse lacks {p}"));
        Assert.Equal("401", Assert.Single(ProblemStatuses(document, "get", "/api/auth/token"), s => s == "401"));
        Assert.Contains("422", ProblemStatuses(document, "post", "/api/auth/sign-up/email"));
    }

    [Fact]
    public async Task Request_and_response_schemas_match_what_the_service_sends_and_answers()
    {
        var document = await DocumentAsync(_factory);
        var signUp = document["paths"]!["/api/auth/sign-up/email"]!["post"]!;
        var request = Resolve(document, signUp["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.All(new[] { "name", "email", "password", "image", "rememberMe", "callbackURL" }, p => Assert.True(request["properties"]!.AsObject().ContainsKey(p), $"sign-up request lacks {p}"));

        var responseSchema = Resolve(document, signUp["responses"]!["200"]!["content"]!["application/json"]!["schema"]!);
        var userSchema = Resolve(document, responseSchema["properties"]!["user"]!);
        using var client = _factory.CreatePlainClient();
        using var answer = await client.PostAsJsonAsync("/api/auth/sign-up/email", new { name = "Schema Check", email = "schema@example.com", password = "correct horse battery staple" });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var body = JsonNode.Parse(await answer.Content.ReadAsStringAsync())!.AsObject();
        Assert.Equal(body.Select(p => p.Key).Order(), responseSchema["properties"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(body["user"]!.AsObject().Select(p => p.Key).Order(), userSchema["properties"]!.AsObject().Select(p => p.Key).Order());

        var getSession = document["paths"]!["/api/auth/get-session"]!["get"]!["responses"]!["200"]!;
        Assert.Contains("null", getSession["description"]!.GetValue<string>(), StringComparison.Ordinal);
        // The 200 is the session object or JSON null: oneOf [SessionResponse, {type: null}].
        var sessionOrNull = getSession["content"]!["application/json"]!["schema"]!;
        Assert.Contains(sessionOrNull["oneOf"]!.AsArray(), s => s!["type"]?.GetValue<string>() == "null");
        var session = Resolve(document, sessionOrNull["oneOf"]!.AsArray().First(s => s!["$ref"] is not null)!);
        Assert.True(session["properties"]!.AsObject().ContainsKey("session") && session["properties"]!.AsObject().ContainsKey("user"));
        var jwks = document["paths"]!["/.well-known/jwks.json"]!["get"]!["responses"]!["200"]!["content"]!["application/jwk-set+json"];
        Assert.NotNull(jwks?["schema"]);
        // A JWK requires kty and the members of its own key type only (the default keys are EC, not RSA).
        var key = Resolve(document, Resolve(document, jwks!["schema"]!)["properties"]!["keys"]!["items"]!);
        Assert.Equal(["alg", "kid", "kty", "use"], key["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order());
        var branches = key["oneOf"]!.AsArray().Select(b => b!.AsObject()).ToDictionary(
            b => b["properties"]!["kty"]!["enum"]!.AsArray().Single()!.GetValue<string>(),
            b => (Required: b["required"]!.AsArray().Select(r => r!.GetValue<string>()).Order().ToList(),
                Algorithms: b["properties"]!["alg"]!["enum"]!.AsArray().Select(a => a!.GetValue<string>()).ToList()));
        Assert.Equal(["crv", "kty", "x", "y"], branches["EC"].Required);
        Assert.Equal(["crv", "kty", "x"], branches["OKP"].Required);
        Assert.Equal(["e", "kty", "n"], branches["RSA"].Required);
        Assert.Equal(3, branches.Count);
        Assert.All(SigningAlgorithms.All, a => Assert.Single(branches.Values, b => b.Algorithms.Contains(a.JoseName())));
    }

    [Fact]
    public async Task The_Scalar_reference_is_served_in_Development_only()
    {
        using var client = _factory.CreatePlainClient();
        using var hidden = await client.GetAsync("/scalar");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        await using var development = _factory.WithWebHostBuilder(builder => builder.UseEnvironment("Development"));
        using var devClient = development.CreateClient();
        using var page = await devClient.GetAsync("/scalar");
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
        var policy = string.Join(";", page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        // Every other response keeps the strict policy.
        using var ok = await devClient.GetAsync("/api/auth/ok");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(";", ok.Headers.GetValues("Content-Security-Policy")));
    }

    private static async Task<JsonObject> DocumentAsync(AuthApiFactory factory)
    {
        using var client = factory.CreatePlainClient();
        using var response = await client.GetAsync(DocumentPath);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>
    /// Every (method, OpenAPI path) the app routes, except the document's own endpoint and the operator console's
    /// pages (static files, not API: ADR 0143).
    /// </summary>
    private static List<(string Method, string Path)> Routes(IServiceProvider services)
    {
        var source = services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/') != DocumentPath.Replace("v1", "{documentName}", StringComparison.Ordinal).TrimStart('/'))
            .Where(e => e.RoutePattern.RawText?.StartsWith(AuthPlatform.WebApi.OperatorConsole.ConsoleEndpoints.Path + "/", StringComparison.Ordinal) != true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, OpenApiPath(e.RoutePattern.RawText!))))
            .Distinct()
            .ToList();
    }

    /// <summary>"api/auth/{id:int}" → "/api/auth/{id}".</summary>
    private static string OpenApiPath(string pattern)
    {
        var path = "/" + pattern.TrimStart('/');
        return System.Text.RegularExpressions.Regex.Replace(path, @"\{([^}:=?]+)[^}]*\}", "{$1}");
    }

    private static bool OAuthError(JsonNode? response) =>
        response?["content"]?["application/json"]?["schema"]?["$ref"]?.GetValue<string>() == "#/components/schemas/OAuthErrorResponse";

    private static IEnumerable<(string Method, string Path, JsonObject Operation)> Operations(JsonObject document) =>
        document["paths"]!.AsObject().SelectMany(p => p.Value!.AsObject().Select(o => (o.Key.ToUpperInvariant(), p.Key, o.Value!.AsObject())));

    private static List<string> ProblemStatuses(JsonObject document, string method, string path) =>
        document["paths"]![path]![method]!["responses"]!.AsObject()
            .Where(r => r.Value?["content"]?["application/problem+json"] is not null).Select(r => r.Key).ToList();

    private static JsonObject Resolve(JsonObject document, JsonNode schema)
    {
        var reference = schema["$ref"]?.GetValue<string>();
        return reference is null ? schema.AsObject() : document["components"]!["schemas"]![reference.Split('/')[^1]]!.AsObject();
    }
}
