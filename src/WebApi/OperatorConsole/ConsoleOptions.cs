namespace AuthPlatform.WebApi.OperatorConsole;

/// <summary>The operator console (section "Auth:Console", ADR 0143): off unless turned on.</summary>
public sealed class ConsoleOptions
{
    public const string SectionName = "Auth:Console";

    /// <summary>Serve the console's pages under <see cref="ConsoleEndpoints.Path"/>; off: that path is 404.</summary>
    public bool Enabled { get; set; }
}
