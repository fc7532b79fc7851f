using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AuthPlatform.Benchmarks;

/// <summary>
/// Short in-process runs: on a shared 2-core machine a full default run of every benchmark takes too long,
/// and in-process needs no generated project. Allocations are reported next to the times; results are
/// written as GitHub markdown under BenchmarkDotNet.Artifacts/results.
/// </summary>
public sealed class BenchmarkConfig : ManualConfig
{
    public BenchmarkConfig()
    {
        AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance).WithId("short"));
        AddDiagnoser(MemoryDiagnoser.Default);
        AddColumnProvider(DefaultColumnProviders.Instance);
        AddExporter(MarkdownExporter.GitHub);
        AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default);
        WithOptions(ConfigOptions.DisableOptimizationsValidator);
    }
}
