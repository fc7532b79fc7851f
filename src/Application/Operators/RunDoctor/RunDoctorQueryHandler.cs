using Mediator;
using Microsoft.Extensions.Configuration;

namespace AuthPlatform.Application.Operators.RunDoctor;

internal sealed class RunDoctorQueryHandler(IServiceProvider services, IConfiguration configuration, TimeProvider clock, IEnumerable<IDoctorCheck> checks)
    : IQueryHandler<RunDoctorQuery, DoctorReport>
{
    public async ValueTask<DoctorReport> Handle(RunDoctorQuery query, CancellationToken cancellationToken)
    {
        var context = new DoctorContext(services, configuration, clock) { Offline = query.Offline, ResourceServer = query.ResourceServer };
        return await DoctorRunner.RunAsync(context, DoctorCheckOrder.Sort(checks.Where(c => c.AppliesTo(context))), cancellationToken);
    }
}
