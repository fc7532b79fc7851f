using System.Reflection;
using Architecture = ArchUnitNET.Domain.Architecture;
using ArchUnitNET.Loader;

namespace AuthPlatform.ArchitectureTests;

/// <summary>The four production assemblies, loaded once: every rule reads the same compiled code.</summary>
internal static class Layers
{
    public static readonly Assembly Domain = Assembly.Load("AuthPlatform.Domain");
    public static readonly Assembly Application = Assembly.Load("AuthPlatform.Application");
    public static readonly Assembly Infrastructure = Assembly.Load("AuthPlatform.Infrastructure");
    public static readonly Assembly WebApi = typeof(Program).Assembly;

    public static readonly Architecture Architecture =
        new ArchLoader().LoadAssemblies(Domain, Application, Infrastructure, WebApi).Build();
}
