namespace AuthPlatform.Application.Operators.RunDoctor;

/// <summary>Runs the checks one after another. A check that throws is reported as failed, never hidden.</summary>
public static class DoctorRunner
{
    public static async Task<DoctorReport> RunAsync(DoctorContext context, IReadOnlyList<IDoctorCheck> checks, CancellationToken cancellationToken)
    {
        var outcomes = new List<DoctorCheckOutcome>();
        foreach (var check in checks)
        {
            DoctorResult result;
            try
            {
                result = await check.RunAsync(context, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                result = DoctorResult.Fail($"the check could not run: {ex.GetType().Name}: {ex.Message}", "fix the cause named here, then run doctor again");
            }

            outcomes.Add(new DoctorCheckOutcome(check.Name, result));
        }

        return new DoctorReport(context.Auth.BaseUrl, outcomes);
    }
}
