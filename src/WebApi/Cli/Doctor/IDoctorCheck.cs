namespace AuthPlatform.WebApi.Cli.Doctor;

/// <summary>
/// One thing `doctor` verifies, reported as one line. Checks run in the order of <see cref="DoctorChecks.All"/>;
/// a check that needs an earlier one's findings (e.g. the database connection) reads them from the
/// <see cref="DoctorContext"/> and skips when they are missing.
/// Add a check: implement this interface in a file of its own and list it in <see cref="DoctorChecks.All"/>.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>Short, stable, kebab-case: shown in the output and used as the key in --json.</summary>
    string Name { get; }

    Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
