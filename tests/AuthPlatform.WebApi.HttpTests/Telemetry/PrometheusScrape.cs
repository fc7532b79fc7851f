using System.Globalization;

namespace AuthPlatform.WebApi.HttpTests.Telemetry;

/// <summary>One answer of a Prometheus scrape endpoint (text exposition format), parsed into samples.</summary>
public sealed class PrometheusScrape
{
    private readonly List<(string Name, string Labels, double Value)> _samples = [];

    public PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var brace = line.IndexOf('{', StringComparison.Ordinal);
            var space = line.LastIndexOf('}') is var close and >= 0 ? line.IndexOf(' ', close) : line.IndexOf(' ', StringComparison.Ordinal);
            var name = brace >= 0 && brace < space ? line[..brace] : line[..space];
            var labels = brace >= 0 && brace < space ? line[(brace + 1)..line.LastIndexOf('}')] : string.Empty;
            var value = line[(space + 1)..].Split(' ')[0];
            _samples.Add((name, labels, double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)));
        }
    }

    public string Text { get; }

    /// <summary>Every metric family name the endpoint exports (from its # TYPE lines).</summary>
    public IReadOnlySet<string> Families => Text.Split('\n')
        .Where(l => l.StartsWith("# TYPE ", StringComparison.Ordinal))
        .Select(l => l.Split(' ')[2])
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Every sample name (counters with _total, histograms with _bucket/_sum/_count).</summary>
    public IReadOnlySet<string> SampleNames => _samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The sum of the samples called <paramref name="name"/> whose labels contain each of <paramref name="labels"/> (k="v"); 0 if none.</summary>
    public double Value(string name, params string[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.Contains(l, StringComparison.Ordinal))).Sum(s => s.Value);
}
