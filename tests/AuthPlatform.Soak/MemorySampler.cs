using System.Globalization;

namespace AuthPlatform.Soak;

/// <summary>Resident memory (VmRSS from /proc) of the service process, sampled at a fixed interval.</summary>
internal sealed class MemorySampler(int processId)
{
    private readonly List<(double AtSeconds, double RssMiB)> _samples = [];

    public IReadOnlyList<(double AtSeconds, double RssMiB)> Samples
    {
        get { lock (_samples) { return _samples.ToArray(); } }
    }

    public double Sample(double atSeconds)
    {
        var rss = ReadRssMiB();
        lock (_samples)
        {
            _samples.Add((atSeconds, rss));
        }

        return rss;
    }

    public async Task RunAsync(Func<double> clockSeconds, TimeSpan interval, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Sample(clockSeconds());
            try
            {
                await Task.Delay(interval, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private double ReadRssMiB()
    {
        foreach (var line in File.ReadLines($"/proc/{processId}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                var kib = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                return kib / 1024.0;
            }
        }

        throw new InvalidOperationException("VmRSS not found");
    }
}
