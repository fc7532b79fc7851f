using AuthPlatform.Testing;

namespace AuthPlatform.Clients.Tests;

/// <summary>Runs a Node.js script of tests/clients to completion, bounded in time, with its output captured.</summary>
public static class NodeScript
{
    public static string ClientsRoot => Path.Combine(ServiceProcess.RepositoryRoot, "tests", "clients");

    /// <summary>Fails with the install hint when a folder's npm packages are missing.</summary>
    public static void RequirePackage(string folder, string package) =>
        Assert.True(Directory.Exists(Path.Combine(ClientsRoot, folder, "node_modules", package)),
            $"{package} is not installed in tests/clients/{folder}: build/test.sh installs it (build/test.d/clients.sh), or run `npm ci` there.");

    public static Task<ExternalProcess.Outcome> RunAsync(string folder, string script, IReadOnlyList<string> arguments, TimeSpan timeout, string? standardInput = null)
    {
        var directory = Path.Combine(ClientsRoot, folder);
        return ExternalProcess.RunAsync("node", [Path.Combine(directory, script), .. arguments], directory, standardInput, timeout);
    }
}
