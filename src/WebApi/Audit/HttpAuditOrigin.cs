using AuthPlatform.Application.Common.Interfaces;
using AuthPlatform.WebApi.Authentication;
using AuthPlatform.WebApi.Controllers;

namespace AuthPlatform.WebApi.Audit;

/// <summary>
/// Who acts, for the audit trail: in a request, the signed-in caller and its client (the same address and user agent
/// a new session records); outside one, the host itself: <c>operator</c> for the command line (set by
/// <see cref="Cli.OperatorHost"/>), <c>system</c> for background jobs.
/// </summary>
internal sealed class HttpAuditOrigin(IHttpContextAccessor accessor, IConfiguration configuration) : IAuditOrigin
{
    public const string HostActorKey = "Audit:HostActor";

    private readonly string _hostActor = configuration[HostActorKey] ?? "system";

    /// <summary>Under impersonation, the administrator acts (the session names them), not the user they appear as.</summary>
    public string? ActorId => accessor.HttpContext is { } http
        ? http.SessionAuthentication().Session is { } current ? current.Session.ImpersonatedBy ?? current.User.Id : null
        : _hostActor;

    public string? IpAddress => accessor.HttpContext is { } http ? RequestContext.ClientOf(http).IpAddress : null;

    public string? UserAgent => accessor.HttpContext is { } http ? RequestContext.ClientOf(http).UserAgent : null;
}
