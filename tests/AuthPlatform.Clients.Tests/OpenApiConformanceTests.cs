using System.Net;
using System.Text;
using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>
/// The OpenAPI document says exactly what the service does: every HTTP flow a frontend makes (sign-up,
/// sign-in, session with and without one, token, JWKS, session management, account changes, sign-out)
/// and its usual failures (400, 401, 422) go through Prism's validating proxy
/// (tests/clients/openapi-proxy), which checks each request and response against the service's own
/// /openapi/v1.json and turns any violation into an error answer (--errors) or an sl-violations header.
/// </summary>
public sealed class OpenApiConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Every_flow_through_a_validating_proxy_conforms_to_the_published_document()
    {
        NodeScript.RequirePackage("openapi-proxy", "@stoplight/prism-cli");
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await AuthService.StartHttpAsync(database.ConnectionString, "127.0.0.1", new Dictionary<string, string?>());
        var document = Path.Combine(Path.GetTempPath(), $"authplatform-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await service.Http.GetStringAsync("/openapi/v1.json"));
        try
        {
            await using var proxy = await ValidatingProxy.StartAsync(document, service.PublicUrl);
            var flows = new Flows(proxy.Client, service.PublicUrl);
            await flows.RunAsync();

            output.WriteLine(string.Join('\n', flows.Steps));
            Assert.True(flows.Violations.Count == 0,
                $"{flows.Violations.Count} of {flows.Steps.Count} exchanges break the document:\n{string.Join('\n', flows.Violations)}\n--- proxy log\n{Tail(proxy.Output)}");
            Assert.True(flows.Steps.Count >= 25, $"only {flows.Steps.Count} exchanges ran:\n{string.Join('\n', flows.Steps)}");
        }
        finally
        {
            File.Delete(document);
        }
    }

    private static string Tail(string text) => text.Length <= 6000 ? text : text[^6000..];

    /// <summary>Prism in proxy mode on a free loopback port, forwarding to the service.</summary>
    private sealed class ValidatingProxy : IAsyncDisposable
    {
        private readonly ChildProcess _process;

        private ValidatingProxy(ChildProcess process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public string Output => _process.Output;

        public static async Task<ValidatingProxy> StartAsync(string document, string upstream)
        {
            var folder = Path.Combine(NodeScript.ClientsRoot, "openapi-proxy");
            var port = PostgresCluster.FreePort();
            var process = ChildProcess.Start(Path.Combine(folder, "node_modules", ".bin", "prism"),
                ["proxy", document, upstream, "--errors", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
                folder);
            // No cookie container: each step sends exactly the Cookie header it names, so a Set-Cookie from one
            // step never rides along on a later step that must go without a session.
            var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false };
            var client = new HttpClient(handler) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(120) }; // password hashing on a loaded machine
            try
            {
                await process.WaitUntilReadyAsync(client, "/api/auth/ok", TimeSpan.FromSeconds(90));
            }
            catch
            {
                client.Dispose();
                await process.DisposeAsync();
                throw;
            }

            return new ValidatingProxy(process, client);
        }

        public async ValueTask DisposeAsync()
        {
            Client.Dispose();
            await _process.DisposeAsync();
        }
    }
}
