using AuthPlatform.Application.Operators.RunDoctor;
using AuthPlatform.Infrastructure.Persistence.Audit;
using Npgsql;

namespace AuthPlatform.Infrastructure.Doctor;

/// <summary>
/// The audit trail is whole: every sealed event is where the chain says and has the digest its fields give, so an
/// event removed or edited in the database is named (docs/adr/0139-audit-trail.md); and events do not wait long
/// to be sealed (the sealer runs on every instance).
/// </summary>
public sealed class AuditTrailCheck(AuditChain chain, TimeProvider clock) : IDoctorCheck
{
    private static readonly TimeSpan SealingDelay = TimeSpan.FromMinutes(1);

    public string Name => "audit-trail";

    public async Task<DoctorResult> RunAsync(DoctorContext context, CancellationToken cancellationToken)
    {
        if (context.DatabaseObservation is null)
        {
            return DoctorResult.Skip("needs the database");
        }

        try
        {
            if (await chain.VerifyAsync(cancellationToken) is { } broken)
            {
                return DoctorResult.Fail($"the audit trail is broken at position {broken.Position}: {broken.Description}",
                    "the audit_events table was changed outside the service: restore it from a backup and find who had write access");
            }

            var late = await chain.CountUnsealedOlderThanAsync(clock.GetUtcNow() - SealingDelay, cancellationToken);
            return late > 0
                ? DoctorResult.Warn($"{late} audit events have waited over a minute to be sealed", "check that an instance of the service is running and its log for event 4710")
                : DoctorResult.Pass("the audit trail's chain of digests is intact");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return DoctorResult.Skip("the database has no audit trail yet (migrations not applied)");
        }
    }
}
