namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>
/// One thing `doctor` verifies, reported as one line. Checks run in the order of <see cref="DoctorCheckOrder"/>;
/// a check that needs an earlier one's findings (e.g. the database connection) reads them from the
/// <see cref="DoctorContext"/> and skips when they are missing.
/// Add a check: implement this interface in a file of its own, in the layer whose parts it looks at
/// (Application: rules on settings and rows; Infrastructure: the database and key material; WebApi:
/// cookies, URLs and what the public URL serves), register it there as an <see cref="IDoctorCheck"/>
/// singleton, and put its name in <see cref="DoctorCheckOrder"/>.
/// </summary>
public interface IDoctorCheck
{
    /// <summary>Short, stable, kebab-case: shown in the output and used as the key in --json.</summary>
    string Name { get; }

    /// <summary>False when the run has nothing for it to check (e.g. no --resource-server given): it is then not listed.</summary>
    bool AppliesTo(DoctorContext context) => true;

    Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken);
}
