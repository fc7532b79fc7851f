using System.Globalization;
using Xunit;

namespace AuthPlatform.Testing;

/// <summary>Percentiles of latency samples, and a line that reports them in test output.</summary>
public static class Measurements
{
    public static double Percentile(IReadOnlyList<double> samples, double percentile)
    {
        var sorted = samples.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    public static string Describe(string label, IReadOnlyList<double> samples) => string.Create(CultureInfo.InvariantCulture,
        $"{label}: n={samples.Count} min={samples.Min():0.00} p50={Percentile(samples, 50):0.00} p90={Percentile(samples, 90):0.00} p99={Percentile(samples, 99):0.00} max={samples.Max():0.00} ms");

    /// <summary>Writes a figure to the test output and to stdout, where build/test.sh's log keeps it.</summary>
    public static void Report(ITestOutputHelper output, string line)
    {
        output.WriteLine(line);
        Console.WriteLine("[benchmark] " + line);
    }
}
