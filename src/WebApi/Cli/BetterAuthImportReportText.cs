using System.Globalization;
using System.Text;
using AuthPlatform.Application.Operators.ImportBetterAuth;

namespace AuthPlatform.WebApi.Cli;

/// <summary>The import report as operators read it: one line per kind, skips broken down by reason.</summary>
public static class BetterAuthImportReportText
{
    /// <summary>Refused passwords listed one per line, up to this many; --json lists all.</summary>
    private const int MaxRefusedLines = 20;

    public static string Format(BetterAuthImportReport report)
    {
        var source = report.SourceSummary;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"BetterAuth database {report.Source}: {source.Users} users, {source.CredentialAccounts} passwords, {source.LiveSessions} live sessions.");
        text.AppendLine(report.DryRun ? "Dry run: nothing was saved; the counts are what an import would do." : "Import finished.");
        Line(text, "users", report.Users);
        Line(text, "passwords", report.Passwords);
        if (report.Sessions is { } sessions)
        {
            Line(text, "sessions", sessions);
            text.AppendLine("Imported sessions stay signed in only if AUTH_SECRET equals the BETTER_AUTH_SECRET that signed their cookies.");
        }
        else
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"sessions: not copied ({source.LiveSessions} live; add --sessions to keep users signed in).");
        }

        if (source.OtherAccounts > 0)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{source.OtherAccounts} account(s) of other sign-in methods (OAuth) were not copied: those users have no password here.");
        }

        if (source.ExpiredSessions > 0 && report.Sessions is not null)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{source.ExpiredSessions} expired session(s) were left behind.");
        }

        foreach (var refused in report.RefusedPasswords.Take(MaxRefusedLines))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"password of user {refused.UserId} not copied: {refused.Reason}");
        }

        if (report.RefusedPasswords.Count > MaxRefusedLines)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"... and {report.RefusedPasswords.Count - MaxRefusedLines} more (--json lists every one).");
        }

        return text.ToString().TrimEnd();
    }

    private static void Line(StringBuilder text, string kind, ImportTally tally)
    {
        text.Append(CultureInfo.InvariantCulture, $"{kind + ":",-11}created {tally.Created}, updated {tally.Updated}, skipped {tally.SkippedTotal}");
        if (tally.SkippedTotal > 0)
        {
            text.Append(" (").AppendJoin("; ", tally.Skipped.OrderByDescending(s => s.Value).Select(s => $"{s.Value} {s.Key}")).Append(')');
        }

        text.AppendLine();
    }
}
