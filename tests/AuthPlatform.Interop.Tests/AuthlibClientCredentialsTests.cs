using System.Text.RegularExpressions;
using AuthPlatform.Testing;

namespace AuthPlatform.Interop.Tests;

/// <summary>
/// Authlib (Debian's python3-authlib, an OAuth client nobody here wrote; tests/clients/authlib) against the real
/// binary: a client registered by the operator command discovers the server, gets a client-credentials token,
/// calls samples/python-api with it (unchanged: the token's issuer and audience are the ones it is configured
/// for), introspects it and revokes it.
/// </summary>
public sealed partial class AuthlibClientCredentialsTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Authlib_gets_a_client_credentials_token_the_python_sample_accepts_and_introspects_and_revokes_it()
    {
        await using var database = new TestDatabase();
        await database.InitializeAsync();
        await using var service = await RunningService.StartAsync(database.ConnectionString);
        var (exitCode, registered) = await service.RunCommandAsync("register-oauth-client", "--name", "Reports job",
            "--type", "confidential", "--grant", "client_credentials");
        Assert.True(exitCode == 0, registered);
        var clientId = ClientId().Match(registered).Groups[1].Value;
        var secret = ClientSecret().Match(registered).Groups[1].Value;

        await using var api = await ResourceServer.StartPythonAsync(service.BaseUrl, service.BaseUrl, new Dictionary<string, string> { ["RS_ALGORITHMS"] = "ES256" });
        var script = Path.Combine(ServiceProcess.RepositoryRoot, "tests", "clients", "authlib");
        var outcome = await ExternalProcess.RunAsync("/usr/bin/python3",
            ["client_credentials.py", service.BaseUrl, clientId, secret, service.BaseUrl, api.BaseUrl + "/protected"],
            script, input: null, TimeSpan.FromMinutes(2));
        output.WriteLine(outcome.ToString());

        Assert.True(outcome.ExitCode == 0, $"{outcome}\n--- resource server\n{api.Output}");
        var lines = outcome.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal)));
        Assert.Equal("all checks passed", lines[^1].Trim());
    }

    [GeneratedRegex("^client_id=(\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ClientId();

    [GeneratedRegex("^client_secret=(\\S+)$", RegexOptions.Multiline)]
    private static partial Regex ClientSecret();
}
