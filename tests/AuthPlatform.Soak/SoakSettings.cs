using System.Globalization;

namespace AuthPlatform.Soak;

/// <summary>Command line: --duration SECONDS --connections N --warmup SECONDS (defaults: 300, 32, 60).</summary>
internal sealed record SoakSettings(TimeSpan Duration, int Connections, TimeSpan WarmUp)
{
    public static SoakSettings Parse(string[] args)
    {
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        var duration = Value("--duration", 300);
        var connections = Value("--connections", 32);
        var warmUp = Value("--warmup", Math.Min(60, duration / 5));
        if (duration is < 10 or > 3600 || connections is < 1 or > 256 || warmUp < 0 || warmUp >= duration)
        {
            throw new ArgumentException("--duration 10..3600, --connections 1..256, --warmup below the duration");
        }

        return new SoakSettings(TimeSpan.FromSeconds(duration), connections, TimeSpan.FromSeconds(warmUp));
    }
}
