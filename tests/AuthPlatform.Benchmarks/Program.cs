using AuthPlatform.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- --filter '*'   (build/microbench.sh does this)
// dotnet run -c Release --project tests/AuthPlatform.Benchmarks -- sign-in-load   (build/sign-in-load.sh does this)
if (args is [SignInLoadReport.Command, .. var rest])
{
    return await SignInLoadReport.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly).Run(args, new BenchmarkConfig());
return 0;
