using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// A sample resource server as a child process, configured like a real deployment: the .NET one
/// (samples/dotnet-api: Authority = the service's issuer, an audience, an algorithm list) or the Python
/// one (samples/python-api: FastAPI + PyJWT under Debian's /usr/bin/python3).
/// </summary>
public sealed class ResourceServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ResourceServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        _process.OutputDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.ErrorDataReceived += (_, e) => { lock (_output) { _output.AppendLine(e.Data); } };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public string BaseUrl { get; }

    public HttpClient Http { get; }

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    public static string BinaryPath
    {
        get
        {
            var configuration = typeof(ResourceServer).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var path = Path.Combine(ServiceProcess.RepositoryRoot, "samples", "dotnet-api", "bin", configuration, "net10.0", "AuthPlatform.ResourceServer.Sample.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution first.", path);
        }
    }

    public static Task<ResourceServer> StartAsync(string authority, string audience, string algorithms)
    {
        var baseUrl = $"http://127.0.0.1:{PostgresCluster.FreePort()}";
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = Path.GetDirectoryName(BinaryPath)! };
        start.ArgumentList.Add(BinaryPath);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseUrl);
        start.Environment["RS_AUTHORITY"] = authority;
        start.Environment["RS_AUDIENCE"] = audience;
        start.Environment["RS_ALGORITHMS"] = algorithms;
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore.Authentication"] = "Information";
        return StartAsync(start, baseUrl);
    }

    /// <summary>samples/python-api/app.py under Debian's interpreter, with RS_* settings besides the issuer and audience.</summary>
    public static Task<ResourceServer> StartPythonAsync(string issuer, string audience, IReadOnlyDictionary<string, string>? settings = null)
    {
        var port = PostgresCluster.FreePort();
        var sample = Path.Combine(ServiceProcess.RepositoryRoot, "samples", "python-api");
        var start = new ProcessStartInfo("/usr/bin/python3") { WorkingDirectory = sample };
        foreach (var argument in new[] { "app.py", "--host", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["RS_ISSUER"] = issuer;
        start.Environment["RS_AUDIENCE"] = audience;
        start.Environment["PYTHONUNBUFFERED"] = "1";
        foreach (var (name, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return StartAsync(start, $"http://127.0.0.1:{port}");
    }

    private static async Task<ResourceServer> StartAsync(ProcessStartInfo start, string baseUrl)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        var server = new ResourceServer(Process.Start(start)!, baseUrl);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (server._process.HasExited)
            {
                throw new InvalidOperationException($"The resource server exited: {server.Output}");
            }

            try
            {
                using var response = await server.Http.GetAsync("/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return server;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The resource server did not start: {server.Output}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>GET /protected with the token: the status, the sub and sid it saw (200), or its WWW-Authenticate challenge.</summary>
    public async Task<(HttpStatusCode Status, string? Sub, string? Sid, string Challenge)> CallAsync(string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/protected");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await Http.SendAsync(request);
        var challenge = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.ToString()));
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return (response.StatusCode, null, null, challenge);
        }

        var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        return (response.StatusCode, json["sub"]?.GetValue<string>(), json["sid"]?.GetValue<string>(), challenge);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
