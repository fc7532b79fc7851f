namespace AuthPlatform.Application.Operators.RunDoctor;

public enum DoctorStatus
{
    Pass,

    /// <summary>Works, but something deserves attention. Does not fail the run.</summary>
    Warn,

    /// <summary>Broken: the service would refuse to start or would misbehave. Fails the run (exit 1).</summary>
    Fail,

    /// <summary>Not checked, because a check it depends on failed.</summary>
    Skip,
}

/// <summary>
/// The outcome of one check: a one-line <see cref="Summary"/>, on failure or warning the <see cref="Fix"/>,
/// and optional <see cref="Details"/> (one line per problem when there are several). Never a secret.
/// </summary>
public sealed record DoctorResult(DoctorStatus Status, string Summary, string? Fix = null, IReadOnlyList<string>? Details = null)
{
    public static DoctorResult Pass(string summary, IReadOnlyList<string>? details = null) => new(DoctorStatus.Pass, summary, null, details);

    public static DoctorResult Warn(string summary, string fix, IReadOnlyList<string>? details = null) => new(DoctorStatus.Warn, summary, fix, details);

    public static DoctorResult Fail(string summary, string fix, IReadOnlyList<string>? details = null) => new(DoctorStatus.Fail, summary, fix, details);

    public static DoctorResult Skip(string reason) => new(DoctorStatus.Skip, reason);
}

/// <summary>A check's result under its name, as printed and as serialised by --json.</summary>
public sealed record DoctorCheckOutcome(string Name, DoctorResult Result);

/// <summary>Every check of one doctor run, in order.</summary>
public sealed record DoctorReport(string? BaseUrl, IReadOnlyList<DoctorCheckOutcome> Checks)
{
    public bool Healthy => Checks.All(c => c.Result.Status != DoctorStatus.Fail);

    public int Count(DoctorStatus status) => Checks.Count(c => c.Result.Status == status);
}

/// <summary>One problem a check found (a failure or a warning) with what to do about it.</summary>
public sealed record DoctorFinding(DoctorStatus Severity, string Problem, string Fix)
{
    public static DoctorFinding Failure(string problem, string fix) => new(DoctorStatus.Fail, problem, fix);

    public static DoctorFinding Warning(string problem, string fix) => new(DoctorStatus.Warn, problem, fix);

    /// <summary>
    /// The result of a check that looks at several things: a pass with <paramref name="passSummary"/> when
    /// nothing was found, the finding itself when there is one, otherwise a count with one detail line each.
    /// </summary>
    public static DoctorResult Summarize(string passSummary, IReadOnlyList<DoctorFinding> findings)
    {
        if (findings.Count == 0)
        {
            return DoctorResult.Pass(passSummary);
        }

        var status = findings.Any(f => f.Severity == DoctorStatus.Fail) ? DoctorStatus.Fail : DoctorStatus.Warn;
        if (findings.Count == 1)
        {
            return new DoctorResult(status, findings[0].Problem, findings[0].Fix);
        }

        var failures = findings.Count(f => f.Severity == DoctorStatus.Fail);
        var warnings = findings.Count - failures;
        var counts = string.Join(" and ", new[] { (failures, "problem"), (warnings, "warning") }
            .Where(c => c.Item1 > 0)
            .Select(c => $"{c.Item1} {c.Item2}{(c.Item1 == 1 ? string.Empty : "s")}"));
        return new DoctorResult(status, counts, "fix each one listed below",
            [.. findings.OrderByDescending(f => f.Severity == DoctorStatus.Fail).Select(f => $"{(f.Severity == DoctorStatus.Fail ? "problem" : "warning")}: {f.Problem} Fix: {f.Fix}")]);
    }
}
