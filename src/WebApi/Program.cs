using AuthPlatform.WebApi.Cli;
using AuthPlatform.WebApi.Hosting;

/// <summary>
/// Entry point. With a command name (migrate, ...) it runs that operator command; otherwise it
/// serves HTTP. Requests enter through Hosting/ServiceHost.cs and are answered by Controllers/.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1050", Justification = "WebApplicationFactory<Program> finds the entry point in the global namespace.")]
public partial class Program
{
    public static Task<int> Main(string[] args) =>
        OperatorCommands.Handles(args) ? OperatorCommands.RunAsync(args) : ServiceHost.RunAsync(args);
}
