using System.Globalization;

namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// This machine's clock agrees with the database's within a minute. Expiry is computed here and compared
/// with times stored there; a skewed clock ends sessions early or keeps them alive too long.
/// </summary>
public sealed class ClockCheck : IDoctorCheck
{
    public static readonly TimeSpan MaximumSkew = TimeSpan.FromSeconds(60);

    public string Name => "clock";

    public Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.DatabaseObservation is not { } observed)
        {
            return Task.FromResult(DoctorResult.Skip("needs the database"));
        }

        var skew = observed.LocalTime - observed.ServerTime;
        var direction = skew >= TimeSpan.Zero ? "ahead of" : "behind";
        var magnitude = skew.Duration();
        var summary = string.Create(CultureInfo.InvariantCulture, $"this machine's clock is {magnitude.TotalSeconds:0.0} s {direction} the database's (±{observed.RoundTrip.TotalSeconds / 2:0.000} s)");
        return Task.FromResult(magnitude > MaximumSkew
            ? DoctorResult.Fail(summary + string.Create(CultureInfo.InvariantCulture, $", more than the {MaximumSkew.TotalSeconds:0} s allowed"),
                "synchronise the clocks of this machine and the database server (NTP: chrony or systemd-timesyncd)")
            : DoctorResult.Pass(summary));
    }
}
