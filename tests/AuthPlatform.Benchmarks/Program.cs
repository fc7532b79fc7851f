using AuthPlatform.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- --filter '*'   (build/microbench.sh does this)
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
