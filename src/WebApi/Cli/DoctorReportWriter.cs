using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AuthPlatform.Application.Operators.RunDoctor;

namespace AuthPlatform.WebApi.Cli;

/// <summary>
/// Prints a doctor report: one line per check with its mark and, when something is wrong, the fix on
/// the same line (details indented below), or the same as JSON for scripts.
/// </summary>
public static class DoctorReportWriter
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Text(DoctorReport report)
    {
        var width = report.Checks.Count == 0 ? 0 : report.Checks.Max(c => c.Name.Length);
        var text = new StringBuilder();
        text.Append("AuthPlatform doctor: ").AppendLine(report.BaseUrl ?? "(AUTH_BASE_URL not set)");
        foreach (var (name, result) in report.Checks)
        {
            text.Append(Mark(result.Status)).Append(' ').Append(name.PadRight(width)).Append("  ").Append(result.Summary);
            if (result.Fix is not null && result.Status is DoctorStatus.Fail or DoctorStatus.Warn)
            {
                text.Append(" -> fix: ").Append(result.Fix);
            }

            text.AppendLine();
            foreach (var detail in result.Details ?? [])
            {
                text.Append(' ', 9 + width).Append("- ").AppendLine(detail);
            }
        }

        text.Append(report.Healthy ? "Healthy: " : "Not healthy: ")
            .Append(report.Count(DoctorStatus.Pass)).Append(" passed, ")
            .Append(report.Count(DoctorStatus.Fail)).Append(" failed, ")
            .Append(report.Count(DoctorStatus.Warn)).Append(" warnings, ")
            .Append(report.Count(DoctorStatus.Skip)).Append(" skipped.");
        return text.ToString();
    }

    public static string JsonText(DoctorReport report) => JsonSerializer.Serialize(new
    {
        healthy = report.Healthy,
        baseUrl = report.BaseUrl,
        passed = report.Count(DoctorStatus.Pass),
        failed = report.Count(DoctorStatus.Fail),
        warnings = report.Count(DoctorStatus.Warn),
        skipped = report.Count(DoctorStatus.Skip),
        checks = report.Checks.Select(c => new { name = c.Name, status = c.Result.Status, summary = c.Result.Summary, fix = c.Result.Fix, details = c.Result.Details }),
    }, Json);

    private static string Mark(DoctorStatus status) => status switch
    {
        DoctorStatus.Pass => "[ ok ]",
        DoctorStatus.Warn => "[warn]",
        DoctorStatus.Fail => "[FAIL]",
        _ => "[skip]",
    };
}
