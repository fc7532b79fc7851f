using AuthPlatform.Application.Common.Telemetry;
using AuthPlatform.Infrastructure.Passwords;
using AuthPlatform.WebApi.Http;
using AuthPlatform.WebApi.Routing;
using Microsoft.Extensions.Options;

namespace AuthPlatform.WebApi.Security;

/// <summary>
/// Admission to the routes declared <see cref="AuthRouteAttribute.HashesPasswords"/> (sign-in, sign-up, change-password): at most as many at once as the
/// hashing pool can run or queue (workers + queue length). Beyond that a request is answered 503 with
/// Retry-After before it touches the database, so a flood of sign-ins can hold neither the hashing threads
/// nor the connection pool that session checks need. The hashing queue itself stays bounded too
/// (<see cref="BoundedPasswordHasher"/>), for hashing that does not come through these routes.
/// </summary>
public sealed class CredentialRouteAdmission(RequestDelegate next, IOptions<PasswordHashingQueueOptions> hashing)
    : IDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, hashing.Value.EffectiveWorkers + hashing.Value.QueueLength));

    public async Task InvokeAsync(HttpContext context)
    {
        if (!AuthRouteRules.Of(context).HashesPasswords)
        {
            await next(context);
            return;
        }

        if (!_slots.Wait(0))
        {
            AuthMetrics.RequestRefused(AuthMetrics.Limit.CredentialAdmission);
            await ProblemWriter.WriteAsync(context, HttpErrors.PasswordHashingBusy);
            return;
        }

        try
        {
            await next(context);
        }
        finally
        {
            _slots.Release();
        }
    }

    public void Dispose() => _slots.Dispose();
}
